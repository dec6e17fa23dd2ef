L.backward()
# error: undefined-method-backward.mg:1:1: error: undefined name 'L'
