/* A Node-API addon that tells which libnode its Node-API imports are bound to: the file that
 * holds the version struct napi_get_node_version hands out. In host-v8 mode a script's addon must
 * be bound to the V8-less libnode that runs it, not to the libnode the host took its V8 from. */
#define _GNU_SOURCE
#include <node_api.h>

#include <dlfcn.h>

static napi_value node_object(napi_env env, napi_callback_info info) {
	(void)info;
	const napi_node_version *version = NULL;
	Dl_info where;
	napi_value result = NULL;
	if (napi_get_node_version(env, &version) != napi_ok || dladdr(version, &where) == 0 ||
	    where.dli_fname == NULL)
		return NULL;
	napi_create_string_utf8(env, where.dli_fname, NAPI_AUTO_LENGTH, &result);
	return result;
}

NAPI_MODULE_INIT() {
	napi_value fn = NULL;
	napi_create_function(env, "nodeObject", NAPI_AUTO_LENGTH, node_object, NULL, &fn);
	napi_set_named_property(env, exports, "nodeObject", fn);
	return exports;
}
