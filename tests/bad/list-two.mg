print(list([1], [2]))
# error: list-two.mg:1:7: error: list takes 0 to 1 arguments, not 2
