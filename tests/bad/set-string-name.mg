set "digits" 8
