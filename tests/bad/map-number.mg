print(map(3, [1]))
# error: map-number.mg:1:7: error: a number is not a function
