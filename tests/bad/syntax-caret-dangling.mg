2 ^
# error: syntax-caret-dangling.mg:1:4: error: unexpected end of line, expected an expression
