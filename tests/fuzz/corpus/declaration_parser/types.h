void f(void);
unsigned long long g(char c, short s, float f, double d, void *p);
