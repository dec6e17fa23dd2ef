print "abc\"
# error: string-escape-before-newline.mg:1:7: error: unterminated string
