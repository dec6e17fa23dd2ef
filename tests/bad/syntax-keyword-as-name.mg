if = 3
# error: syntax-keyword-as-name.mg:1:4: error: 'if' is a reserved word and cannot be assigned to
