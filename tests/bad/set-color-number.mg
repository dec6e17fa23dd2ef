set color 2
# error: set-color-number.mg:1:11: error: expected on or off
