print "ran"
for i in range(3):
