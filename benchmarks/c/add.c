/* The C loader benchmark's library: see add.h. noinline so that no row can fold the call away. */
#include "add.h"

__attribute__((noinline)) int add(int a, int b) {
	return a + b;
}
