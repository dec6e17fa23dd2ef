print "hello
