from sklearn.datasets import make_moons
# error: import-sklearn.mg:1:6: error: mgrad has no module 'sklearn.datasets': mgrad reads data with csv("file.csv"); the moons are examples/moons.csv
