x = backward L
