print "a" - 2
# error: syntax-print-string-minus.mg:1:7: error: cannot subtract a string and a number
