print(enumerate([1], "a"))
# error: enumerate-start.mg:1:7: error: enumerate: start must be a number, not a string
