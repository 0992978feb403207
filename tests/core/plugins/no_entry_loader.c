/* core tests: a shared library named like a plug-in (tag "noentry") that does not export
 * metacall_loader_interface. The core must refuse it with a clear error. */
#include <metacall/metacall_loader.h>

METACALL_LOADER_EXPORT int not_the_loader_entry(void) {
	return 0;
}
