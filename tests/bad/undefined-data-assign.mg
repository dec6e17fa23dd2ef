q.data = 1
