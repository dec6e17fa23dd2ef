load "a.mg", "b.mg"
