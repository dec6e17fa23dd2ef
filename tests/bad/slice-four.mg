print "ran"
xs = [1]
xs[1:2:3:4]
# error: slice-four.mg:3:9: error: unexpected ':'
