/* The conformance suite's package for the C loader: see package.h. */
#include "package.h"

long from_package(long a, long b) {
	return a + b;
}
