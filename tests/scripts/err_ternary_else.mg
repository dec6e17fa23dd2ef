# A conditional expression needs its else.
x = 3
y = 1 if x > 2

# expect-err: err_ternary_else.mg:3:15: error: expected 'else', found end of line (a conditional expression is written x if c else y)
# expect-err:     3 | y = 1 if x > 2
# expect-err:       |               ^
# exit: 1
