# break inside a def cannot reach a loop outside the def (as in Python).
while 1 {
    def g() {
        break
    }
}
# expect-err: err_break_in_def.mg:4:9: error: 'break' outside a loop
# expect-err:     4 |         break
# expect-err:       |         ^~~~~
# exit: 1
