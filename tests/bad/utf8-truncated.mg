x = â‚
# error: utf8-truncated.mg:1:5: error: invalid byte \xe2
