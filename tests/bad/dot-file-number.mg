a = 1
dot a, 3
# error: dot-file-number.mg:2:8: error: dot: the file name must be a string, as in dot L "graph.svg"
