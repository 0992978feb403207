/* core tests: a plug-in (tag "badabi") built for another loader ABI version. The core must refuse
 * it before calling any of its entries; if it calls initialize anyway, the error says so. */
#include <metacall/metacall_loader.h>

#include <stddef.h>

static void *bad_abi_initialize(const char *tag) {
	(void)tag;
	metacall_loader_error("BADABI INITIALIZE WAS CALLED");
	return NULL;
}

static const struct metacall_loader_interface bad_abi_interface = {
    .abi_version = METACALL_LOADER_ABI_VERSION + 100,
    .initialize = bad_abi_initialize,
};

METACALL_LOADER_EXPORT const struct metacall_loader_interface *metacall_loader_interface(void) {
	return &bad_abi_interface;
}
