print(filter(abs, 3))
# error: filter-number.mg:1:7: error: filter: its list must be a list, a set or a string, not a number
