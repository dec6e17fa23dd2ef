load ""
