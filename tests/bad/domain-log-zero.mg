log(0)
