# A list holds at most 100 000 000 items: doubling one past that is an
# error before the memory is spent (it once grew to 21.5 GB).
xs = [0]
# expect: xs = [0]
repeat 40 { xs = xs + xs; }
# expect-err: list_limit.mg:5:18: error: the list would hold 134217728 items, more than 100000000
# expect-err:     5 | repeat 40 { xs = xs + xs; }
# expect-err:       |                  ^~~~~~~
# exit: 1
