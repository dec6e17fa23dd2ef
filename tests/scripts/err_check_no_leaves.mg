# check of a value with no named leaf is refused as an error.
q = 2 * 3;
check q
print "not reached"

# expect-err: err_check_no_leaves.mg:3:1: error: check: q has no named leaves to check
# expect-err:     3 | check q
# expect-err:       | ^~~~~~~
# exit: 1
