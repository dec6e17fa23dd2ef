help tree plot
