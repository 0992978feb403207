/* Looks like Node to detection (Node-API, node::Start, V8), but with a V8 version outside the
 * releases whose napi_get_node_version is known to accept a scratch env: detection must not call
 * it (it aborts), and must fall back to the soname it is linked with, libnode.so.108. */
#include <stdlib.h>

int napi_create_function(void) {
	return 0;
}

int napi_get_node_version(void *env, const void **result) {
	(void)env;
	(void)result;
	abort();
}

void node_start(int argc, char **argv) __asm__("_ZN4node5StartEiPPc");
void node_start(int argc, char **argv) {
	(void)argc;
	(void)argv;
}

const char *v8_get_version(void) __asm__("_ZN2v82V810GetVersionEv");
const char *v8_get_version(void) {
	return "12.4.254.21-node.33";
}
