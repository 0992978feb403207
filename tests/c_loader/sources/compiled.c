/* A C source the c loader compiles with TinyCC: what it defines (and does not make static) is
 * declared; its own structs and typedefs describe the parameters. */
#include <stdlib.h>
#include <string.h>

typedef struct point {
	double x, y;
} point_t;

static int calls = 0; /* a global: skipped by the declarations, kept by the code */

static long helper(long x) { /* static: not declared */
	return x;
}

long compiled_sum(long a, long b) {
	++calls;
	return helper(a) + b;
}

int compiled_calls(void) {
	return calls;
}

double point_norm1(const point_t *p) {
	return (p->x < 0 ? -p->x : p->x) + (p->y < 0 ? -p->y : p->y);
}

const char *brace_text(void) {
	return "{ '}' \"{\" }"; /* braces in strings and character constants do not end the body */
}

size_t count_char(const char *s, char c) {
	size_t n = 0;
	for (; *s != '\0'; ++s)
		if (*s == c)
			++n;
	return n;
}
