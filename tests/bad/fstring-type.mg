print(f"{3:x}")
