1 < 2 < 3
# error: syntax-compare-chain.mg:1:7: error: unexpected '<': comparisons do not chain (use 'and')
