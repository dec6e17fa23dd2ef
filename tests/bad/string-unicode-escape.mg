print "\u00e9"
# error: string-unicode-escape.mg:1:8: error: unknown escape \u in string
