# A def inside a loop has loops of its own; the outer loop's break still
# leaves the outer loop (a def's loops once overwrote the outer loop's
# record of its breaks, and the script never ended).
for k in range(3) {
    if k == 1 { break }
    def f(x) { for i in range(2) { if i == 1 { break } }; return x * 10 }
    print k, f(k + 1)
}
print "after"
# expect: 0 10
# expect: after
