print "ran"
x = 1
    y = 2
# error: indent-unexpected.mg:3:1: error: unexpected indent (only the lines of a block after ':' are indented)
