backward L
