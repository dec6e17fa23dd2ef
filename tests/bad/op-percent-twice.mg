print "ran"
x = 7 % % 2
