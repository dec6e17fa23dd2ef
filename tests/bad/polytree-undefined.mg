polytree nothing
