L.backward()
