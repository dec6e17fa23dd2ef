.data
