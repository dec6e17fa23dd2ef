check nothing
