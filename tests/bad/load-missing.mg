load "no-such-file.mg"
