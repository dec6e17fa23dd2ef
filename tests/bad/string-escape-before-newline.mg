print "abc\"
