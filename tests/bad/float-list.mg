print(float([1]))
# error: float-list.mg:1:7: error: float: x must be a number, not a list
