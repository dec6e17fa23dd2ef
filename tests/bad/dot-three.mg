a = 1
dot a "x.dot" "y.dot"
