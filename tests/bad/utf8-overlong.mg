x = À¯
# error: utf8-overlong.mg:1:5: error: invalid byte \xc0
