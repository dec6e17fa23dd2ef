a: 1
# error: char-colon.mg:1:2: error: unexpected character ':'; a block is written in braces, as in for x in xs { ... }, and lists have no slices
