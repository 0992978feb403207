/* A Node-API addon that tells which Node runs it: napi_get_node_version of the Node whose
 * Node-API its imports are bound to. Loaded by a script in an isolated Node 18 inside `node` 20,
 * it must say 18 (its imports relinked to the Node loaded apart), not 20. */
#include <node_api.h>

#include <stdio.h>

static napi_value node_version(napi_env env, napi_callback_info info) {
	(void)info;
	const napi_node_version *version = NULL;
	char text[64];
	napi_value result = NULL;
	if (napi_get_node_version(env, &version) != napi_ok)
		return NULL;
	snprintf(text, sizeof text, "v%u.%u.%u", version->major, version->minor, version->patch);
	napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &result);
	return result;
}

NAPI_MODULE_INIT() {
	napi_value fn = NULL;
	napi_create_function(env, "nodeVersion", NAPI_AUTO_LENGTH, node_version, NULL, &fn);
	napi_set_named_property(env, exports, "nodeVersion", fn);
	return exports;
}
