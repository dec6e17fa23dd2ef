x = −1
# error: char-unicode-minus.mg:1:5: error: unexpected character '−'
