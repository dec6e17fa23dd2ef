1 and
# error: syntax-and-dangling.mg:1:6: error: unexpected end of line, expected an expression
