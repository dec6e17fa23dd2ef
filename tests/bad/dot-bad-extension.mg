a = 1
dot a "out.txt"
