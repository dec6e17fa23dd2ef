x = í €
# error: utf8-surrogate.mg:1:5: error: invalid byte \xed
