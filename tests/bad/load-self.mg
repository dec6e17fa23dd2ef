load "load-self.mg"
