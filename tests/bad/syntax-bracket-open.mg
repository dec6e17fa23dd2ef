[1, 2
# error: syntax-bracket-open.mg:1:6: error: unexpected end of input
