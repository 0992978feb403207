/* A library whose header is named after the library file: see libcounter.h. */
#include "libcounter.h"

static int counter;

int counter_next(void) {
	return ++counter;
}
