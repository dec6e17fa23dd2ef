print "hello
# error: string-unterminated.mg:1:7: error: unterminated string
