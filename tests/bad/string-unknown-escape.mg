print "bad \q escape"
