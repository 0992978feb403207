/* A Node-API addon for the tests that run inside `node`: it links libmetacall and gives JavaScript
 * the few C API calls those tests need (what the Node port will offer properly). Numbers cross as
 * doubles, strings as strings, booleans back as booleans; anything else comes back as its type
 * name. */
#include <metacall/metacall.h>
#include <metacall/metacall_error.h>
#include <node_api.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static napi_value throw_last_error(napi_env env, const char *what) {
	struct metacall_exception_type error;
	char message[1024];
	if (metacall_error_last(&error) == 0)
		snprintf(message, sizeof message, "%s: %s", what, error.message);
	else
		snprintf(message, sizeof message, "%s failed", what);
	napi_throw_error(env, NULL, message);
	return NULL;
}

static char *string_argument(napi_env env, napi_value value) {
	size_t length = 0;
	if (napi_get_value_string_utf8(env, value, NULL, 0, &length) != napi_ok)
		return NULL;
	char *text = malloc(length + 1);
	napi_get_value_string_utf8(env, value, text, length + 1, &length);
	return text;
}

static napi_value initialize(napi_env env, napi_callback_info info) {
	(void)info;
	if (metacall_initialize() != 0)
		return throw_last_error(env, "metacall_initialize");
	return NULL;
}

static napi_value destroy(napi_env env, napi_callback_info info) {
	(void)env;
	(void)info;
	metacall_destroy();
	return NULL;
}

/* load(tag, path) */
static napi_value load(napi_env env, napi_callback_info info) {
	size_t argc = 2;
	napi_value argv[2];
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	char *tag = string_argument(env, argv[0]), *path = string_argument(env, argv[1]);
	const char *paths[] = {path};
	int failed = tag == NULL || path == NULL || metacall_load_from_file(tag, paths, 1, NULL) != 0;
	free(tag);
	free(path);
	return failed ? throw_last_error(env, "metacall_load_from_file") : NULL;
}

/* call(name, ...args) */
static napi_value call(napi_env env, napi_callback_info info) {
	size_t argc = 8;
	napi_value argv[8];
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	char *name = string_argument(env, argv[0]);
	void *args[7];
	size_t count = argc - 1;
	for (size_t i = 0; i < count; ++i) {
		napi_valuetype type;
		napi_typeof(env, argv[i + 1], &type);
		if (type == napi_string) {
			char *text = string_argument(env, argv[i + 1]);
			args[i] = metacall_value_create_string(text, strlen(text));
			free(text);
		} else {
			double number = 0;
			napi_get_value_double(env, argv[i + 1], &number);
			args[i] = metacall_value_create_double(number);
		}
	}
	void *result = metacallv_s(name, args, count);
	for (size_t i = 0; i < count; ++i)
		metacall_value_destroy(args[i]);
	free(name);
	if (result == NULL)
		return throw_last_error(env, "metacallv_s");
	napi_value js = NULL;
	struct metacall_exception_type error;
	switch (metacall_value_id(result)) {
	case METACALL_STRING:
		napi_create_string_utf8(env, metacall_value_to_string(result), NAPI_AUTO_LENGTH, &js);
		break;
	case METACALL_DOUBLE:
		napi_create_double(env, metacall_value_to_double(result), &js);
		break;
	case METACALL_BOOL:
		napi_get_boolean(env, metacall_value_to_bool(result) != 0, &js);
		break;
	case METACALL_LONG:
		napi_create_double(env, (double)metacall_value_to_long(result), &js);
		break;
	case METACALL_THROWABLE:
		if (metacall_error_from_value(result, &error) == 0)
			napi_throw_error(env, error.label, error.message);
		break;
	default:
		napi_create_string_utf8(env, metacall_value_type_name(result), NAPI_AUTO_LENGTH, &js);
	}
	metacall_value_destroy(result);
	return js;
}

NAPI_MODULE_INIT() {
	const struct {
		const char *name;
		napi_callback callback;
	} functions[] = {{"initialize", initialize}, {"destroy", destroy}, {"load", load}, {"call", call}};
	for (size_t i = 0; i < sizeof functions / sizeof functions[0]; ++i) {
		napi_value fn;
		napi_create_function(env, functions[i].name, NAPI_AUTO_LENGTH, functions[i].callback, NULL, &fn);
		napi_set_named_property(env, exports, functions[i].name, fn);
	}
	return exports;
}
