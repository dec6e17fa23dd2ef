x = 1
plot x, x = 0:1
# error: syntax-plot-range-colon.mg:2:14: error: unexpected character ':'; a block is written in braces, as in for x in xs { ... }, and lists have no slices
