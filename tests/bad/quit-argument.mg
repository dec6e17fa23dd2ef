quit 1
