del nobody
