set digits -1
# error: set-digits-negative.mg:1:5: error: undefined name 'digits'
