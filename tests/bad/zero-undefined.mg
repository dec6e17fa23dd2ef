zero nothing
