explain nothing
