1 + 2)
# error: syntax-close-paren.mg:1:6: error: expected end of line, found ')'
