1 !=
# error: syntax-ne-dangling.mg:1:5: error: unexpected end of line, expected an expression
