for x in [1] {
    def f(n)/{
}
