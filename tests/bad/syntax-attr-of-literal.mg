2..data
