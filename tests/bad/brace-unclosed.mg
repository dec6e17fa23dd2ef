x = 1
if x > 0 {
    y = 2
# error: brace-unclosed.mg:4:1: error: unexpected end of input: the '{' at 2:10 is never closed
