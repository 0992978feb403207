/* The conformance suite's duplicate library for the C loader: see duplicate.h. */
#include "duplicate.h"

long add(long a, long b) {
	return a + b;
}

double only_in_duplicate(double x) {
	return x;
}
