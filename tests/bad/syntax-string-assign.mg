x = "text"
