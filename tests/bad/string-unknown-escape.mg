print "bad \q escape"
# error: string-unknown-escape.mg:1:12: error: unknown escape \q in string
