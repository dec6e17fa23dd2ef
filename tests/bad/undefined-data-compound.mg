q.data -= 1
