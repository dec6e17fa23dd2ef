x = [1, 2] * 1e10
# error: list-repeat-too-long.mg:1:5: error: the list would hold 20000000000 items, more than 100000000
