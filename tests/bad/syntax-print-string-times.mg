print "a" * 2
# error: syntax-print-string-times.mg:1:7: error: cannot multiply a string and a number
