/* A Node-API addon that returns metacall_relink_report() as a string: the report as seen from
 * inside a node process. Built with libnode-dev's (Node 18) headers; Node-API is ABI-stable, so
 * any later node loads it. */
#include <metacall/metacall.h>

#include <node_api.h>
#include <stdlib.h>

static napi_value report(napi_env env, napi_callback_info info) {
	(void)info;
	size_t size = 0;
	char *text = metacall_relink_report(&size, NULL);
	if (text == NULL) {
		napi_throw_error(env, NULL, "metacall_relink_report returned NULL");
		return NULL;
	}
	napi_value result = NULL;
	napi_status status = napi_create_string_utf8(env, text, size - 1, &result);
	free(text);
	return status == napi_ok ? result : NULL;
}

NAPI_MODULE_INIT() {
	napi_value function = NULL;
	if (napi_create_function(env, "report", NAPI_AUTO_LENGTH, report, NULL, &function) != napi_ok ||
	    napi_set_named_property(env, exports, "report", function) != napi_ok)
		return NULL;
	return exports;
}
