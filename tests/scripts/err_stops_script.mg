# A run-time error stops the script; what came before stays done.
print "first"
x = log(0)
print "never"

# expect: first
# expect-err: err_stops_script.mg:3:5: error: log: log of a number that is not positive (0)
# expect-err:     3 | x = log(0)
# expect-err:       |     ^~~~~~
# exit: 1
