int x 1
int x 2
int x 3
int x 4
int x 5
int x 6; /* fixed */
int x 7
int x 8
int x 9
int x 10
int x 11
int x 12
