print(reversed())
# error: reversed-none.mg:1:7: error: reversed takes 1 argument, not 0
