q.data
