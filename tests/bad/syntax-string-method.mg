"L".backward()
