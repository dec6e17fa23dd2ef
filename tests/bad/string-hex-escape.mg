print "\x41"
