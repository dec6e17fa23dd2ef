print(f"{2.5:d}")
