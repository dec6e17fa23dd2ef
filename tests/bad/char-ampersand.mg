1 & 2
# error: char-ampersand.mg:1:3: error: unexpected character '&'; use 'and'
