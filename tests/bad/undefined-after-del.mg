a = 1
del a
b = a
# error: undefined-after-del.mg:3:5: error: undefined name 'a'
