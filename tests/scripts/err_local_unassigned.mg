def f() {
    y = y + 1
    return y
}
f()

# expect-err: err_local_unassigned.mg:2:9: error: local variable 'y' used before it has a value
# expect-err:     2 |     y = y + 1
# expect-err:       |         ^
# expect-err: err_local_unassigned.mg:5:1: note: in the call of f
# expect-err:     5 | f()
# expect-err:       | ^~~
# exit: 1
