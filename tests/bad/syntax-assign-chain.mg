a = b = 2
# error: syntax-assign-chain.mg:1:7: error: expected end of line, found '='
