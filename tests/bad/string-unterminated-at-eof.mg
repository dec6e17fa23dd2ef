# error: string-unterminated-at-eof.mg:2:7: error: unterminated string
print "hello