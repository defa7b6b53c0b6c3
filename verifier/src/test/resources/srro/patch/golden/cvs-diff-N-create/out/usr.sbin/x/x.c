new 1
new 2
new 3
new 4
