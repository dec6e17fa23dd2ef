print(1 in 2)

# error: op-in_number.mg:1:7: error: 'in' needs a list, a set or a string on its right, not a number
