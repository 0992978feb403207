/* The conformance suite's main library for the C loader: see main.h. */
#include "main.h"

long add(long a, long b) {
	return a + b;
}

double echo(double x) {
	return x;
}

int fail(const char *message) {
	(void)message;
	return -1;
}

long call(long (*f)(long), long x) {
	return f(x);
}

void nothing(void) {}
