x = 1
!x
# error: char-bang.mg:2:1: error: unexpected character '!'; negation is written 'not'
