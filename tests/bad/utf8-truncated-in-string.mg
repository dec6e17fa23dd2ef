print "ğŸ˜"
