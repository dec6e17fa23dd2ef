tree nothing
