del
# error: del-none.mg:1:1: error: del: wrong number of arguments; usage: del name [, name ...]
