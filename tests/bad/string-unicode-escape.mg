print "\u00e9"
