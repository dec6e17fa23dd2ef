print "café"
# error: utf8-in-string.mg:1:11: error: invalid UTF-8 in string
