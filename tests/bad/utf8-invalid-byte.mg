x = ÿ
# error: utf8-invalid-byte.mg:1:5: error: invalid byte \xff
