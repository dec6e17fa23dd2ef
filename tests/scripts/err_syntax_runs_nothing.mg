# A syntax error anywhere means nothing runs.
print "would run"
a = 2
b = (a +
c = 3

# expect-err: err_syntax_runs_nothing.mg:5:3: error: expected ',' or ')', found '='
# expect-err:     5 | c = 3
# expect-err:       |   ^
# expect-err: err_syntax_runs_nothing.mg:4:5: note: to match this '('
# expect-err:     4 | b = (a +
# expect-err:       |     ^
# exit: 1
