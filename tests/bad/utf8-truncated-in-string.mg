print "ğŸ˜"
# error: utf8-truncated-in-string.mg:1:8: error: invalid UTF-8 in string
