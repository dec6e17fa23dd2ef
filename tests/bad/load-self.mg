load "load-self.mg"
# error: load-self.mg:1:6: error: load: nested more than 32 deep (does a script load itself?)
