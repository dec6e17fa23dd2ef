help frobnicate
# error: help-unknown-topic.mg:1:6: error: no help on 'frobnicate'; help alone lists the topics
