print "ran"
y = (1
print "still"
