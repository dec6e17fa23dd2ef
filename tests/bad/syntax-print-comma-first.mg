print , 1
# error: syntax-print-comma-first.mg:1:9: error: expected a name, found number 1
