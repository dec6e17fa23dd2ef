1 ? 2
# error: char-question.mg:1:3: error: unexpected character '?'
