/* The napi_wrap baseline of the objects benchmark: make(health) returns an instance of a class
 * defined with napi_define_class whose `health` getter reads a double from the wrapped native
 * struct, the usual way an addon exposes a native object's fields to JS. */
#include <node_api.h>

#include <stdlib.h>

struct native {
	double health;
};

static void finalize(napi_env env, void *data, void *hint) {
	(void)env;
	(void)hint;
	free(data);
}

static napi_value construct(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1], self;
	napi_get_cb_info(env, info, &argc, argv, &self, NULL);
	struct native *native = malloc(sizeof *native);
	if (native == NULL)
		return NULL;
	native->health = 0;
	if (argc > 0)
		napi_get_value_double(env, argv[0], &native->health);
	napi_wrap(env, self, native, finalize, NULL, NULL);
	return self;
}

static napi_value get_health(napi_env env, napi_callback_info info) {
	napi_value self, result;
	struct native *native = NULL;
	napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
	if (napi_unwrap(env, self, (void **)&native) != napi_ok)
		return NULL;
	napi_create_double(env, native->health, &result);
	return result;
}

static napi_ref native_class;

static napi_value make(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1], cls, instance;
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	napi_get_reference_value(env, native_class, &cls);
	napi_new_instance(env, cls, argc, argv, &instance);
	return instance;
}

__attribute__((visibility("default"))) napi_value napi_register_module_v1(napi_env env, napi_value exports) {
	napi_property_descriptor health = {"health", NULL, NULL, get_health, NULL, NULL, napi_default, NULL};
	napi_value cls, fn;
	if (napi_define_class(env, "Native", NAPI_AUTO_LENGTH, construct, NULL, 1, &health, &cls) != napi_ok ||
	    napi_create_reference(env, cls, 1, &native_class) != napi_ok ||
	    napi_create_function(env, "make", NAPI_AUTO_LENGTH, make, NULL, &fn) != napi_ok ||
	    napi_set_named_property(env, exports, "make", fn) != napi_ok)
		return NULL;
	return exports;
}
