x = [1] * 2.5
# error: list-repeat-fraction.mg:1:5: error: a list can be repeated only a whole number of times, not 2.5
