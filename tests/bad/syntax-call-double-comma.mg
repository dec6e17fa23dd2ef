pow(1,,2)
# error: syntax-call-double-comma.mg:1:7: error: expected an expression or ')', found ','
