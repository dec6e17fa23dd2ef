print "bad \q escape"

# expect-err: err_unknown_escape.mg:1:12: error: unknown escape \q in string
# expect-err:     1 | print "bad \q escape"
# expect-err:       |            ^~
# exit: 1
