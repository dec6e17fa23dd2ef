print "ran"
if 1:
        x = 1
    y = 2
# error: indent-unindent.mg:4:1: error: unindent does not match any outer indentation level
