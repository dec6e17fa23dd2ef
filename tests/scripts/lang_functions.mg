# Functions: def f(x) = e and def f(x) { ... return e }. Parameters and
# names assigned inside are local; other names read the globals.
def sq(x) = x * x
sq(3)
a = 2
def scaled(x) = a * x
scaled(5)
def hyp(x, y) {
    s = x*x + y*y;
    return s ^ 0.5
}
hyp(3, 4)
s = 100
hyp(6, 8)
s
def fact(n) {
    if n <= 1 { return 1 }
    return n * fact(n - 1)
}
fact(10)
def nothing() { x = 1; }
nothing()
def shout(x) { y = x * 2
return y }
shout(21)
w = 3
def node_use(v) = tanh(v * w)
t = node_use(a)
backward t

# expect: 9
# expect: a = 2
# expect: 10
# expect: 5
# expect: s = 100
# expect: 10
# expect: s = 100
# expect: 3628800
# expect: 42
# expect: w = 3
# expect: t = 0.9999877116507956
# expect: dt/da = 7.372964221585843e-05
# expect: dt/dw = 4.9153094810572284e-05
