struct point { int x; double y; };
typedef struct point point_t;
point_t *make(long n, const char *name);
