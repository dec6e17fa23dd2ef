load "syntax-open-paren.mg"
