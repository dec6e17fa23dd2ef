x = 2 × 3
# error: char-unicode-times.mg:1:7: error: unexpected character '×'
