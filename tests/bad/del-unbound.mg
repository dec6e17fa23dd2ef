del nobody
# error: del-unbound.mg:1:5: error: del: 'nobody' is not bound
