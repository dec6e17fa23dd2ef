def f(x) {
    if x > 0 {
        return x
    }
# error: brace-unclosed-inner.mg:5:1: error: unexpected end of input: the '{' at 1:10 is never closed
