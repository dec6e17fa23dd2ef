café = 1
# error: char-unicode-name.mg:1:4: error: unexpected character 'é'
