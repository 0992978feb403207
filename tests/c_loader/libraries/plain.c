/* A library named plain.so (no lib prefix): metacall_load_from_package("c", "plain") finds it. */
#include "plain.h"

int plain_value(void) {
	return 5;
}
