# Every syntax error of a text is reported.
a = )
b = 2 +
c = * 3
d = 4

# expect-err: err_syntax_many.mg:2:5: error: expected an expression, found ')'
# expect-err:     2 | a = )
# expect-err:       |     ^
# expect-err: err_syntax_many.mg:3:8: error: unexpected end of line, expected an expression
# expect-err:     3 | b = 2 +
# expect-err:       |        ^
# expect-err: err_syntax_many.mg:4:5: error: expected an expression, found '*'
# expect-err:     4 | c = * 3
# expect-err:       |     ^
# exit: 1
