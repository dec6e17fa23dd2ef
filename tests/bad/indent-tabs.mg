print "ran"
if 1:
	x = 1
        y = 2
# error: indent-tabs.mg:4:1: error: inconsistent use of tabs and spaces in indentation
