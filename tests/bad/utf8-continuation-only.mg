€€
# error: utf8-continuation-only.mg:1:1: error: invalid byte \x80
