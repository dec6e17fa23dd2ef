print "\x41"
# error: string-hex-escape.mg:1:8: error: unknown escape \x in string
