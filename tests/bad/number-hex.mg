x = 0x10
# error: number-hex.mg:1:5: error: invalid number: 0x10
