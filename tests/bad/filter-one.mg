print(filter([1]))
# error: filter-one.mg:1:7: error: filter takes 2 arguments, not 1
