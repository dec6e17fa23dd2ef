1 | 2
# error: char-pipe.mg:1:3: error: unexpected character '|'; use 'or'
