tree "x"
