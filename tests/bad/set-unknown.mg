set speed 3
