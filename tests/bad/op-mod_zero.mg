print(1 % 0)

# error: op-mod_zero.mg:1:7: error: modulo by zero
