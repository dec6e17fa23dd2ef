a = 1
dot a "/nonexistent/dir/g.dot"
