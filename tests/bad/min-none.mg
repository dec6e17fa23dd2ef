print(min())
# error: min-none.mg:1:7: error: min takes 1 to 8 arguments, not 0
