(1 + 2]
# error: syntax-paren-bracket-mismatch.mg:1:7: error: expected ',' or ')', found ']'
