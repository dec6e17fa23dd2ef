x = [1] * Value(2)
# error: list-repeat-value.mg:1:5: error: cannot multiply a list and a value
