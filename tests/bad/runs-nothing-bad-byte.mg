print "ran"
x = 1
y = ÿ
