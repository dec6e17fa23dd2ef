a = 1
dot a "/nonexistent/dir/g.dot"
# error: dot-unwritable.mg:2:7: error: dot: cannot write /nonexistent/dir/g.dot: No such file or directory
