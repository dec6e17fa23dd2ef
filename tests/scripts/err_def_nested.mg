def f(x) {
    def g(y) = y
    return x
}

# expect-err: err_def_nested.mg:2:5: error: a function cannot be defined inside another
# expect-err:     2 |     def g(y) = y
# expect-err:       |     ^~~
# exit: 1
