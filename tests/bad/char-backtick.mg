`ls`
# error: char-backtick.mg:1:1: error: unexpected character '`'
