dot nothing
