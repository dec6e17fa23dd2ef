for x in [1] {
    def f(n)/{
}
# error: fuzz-def-in-loop.mg:2:13: error: expected '=' or '{', found '/'
