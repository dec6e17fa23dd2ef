print 1,,2
# error: syntax-print-double-comma.mg:1:9: error: unexpected ','
