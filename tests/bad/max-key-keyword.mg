print(max([1], foo=abs))
# error: max-key-keyword.mg:1:7: error: max has no argument called 'foo'
