f(,)
# error: syntax-call-commas.mg:1:3: error: expected an expression or ')', found ','
