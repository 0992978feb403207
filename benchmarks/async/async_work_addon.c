/* The napi_async_work baseline of async_limits_benchmark: addAsync(a, b) returns a Promise; the
 * sum is computed on libuv's thread pool (execute) and the promise resolved on the JS thread
 * (complete), as a Node addon author writes an async native function. */
#include <node_api.h>

#include <stdlib.h>

struct add_work {
	napi_async_work work;
	napi_deferred deferred;
	double a, b, sum;
};

static void execute(napi_env env, void *data) {
	(void)env;
	struct add_work *add = data;
	add->sum = add->a + add->b;
}

static void complete(napi_env env, napi_status status, void *data) {
	struct add_work *add = data;
	napi_value sum;
	if (status == napi_ok && napi_create_double(env, add->sum, &sum) == napi_ok)
		napi_resolve_deferred(env, add->deferred, sum);
	else {
		napi_value message, error;
		napi_create_string_utf8(env, "cancelled", NAPI_AUTO_LENGTH, &message);
		napi_create_error(env, NULL, message, &error);
		napi_reject_deferred(env, add->deferred, error);
	}
	napi_delete_async_work(env, add->work);
	free(add);
}

static napi_value add_async(napi_env env, napi_callback_info info) {
	size_t argc = 2;
	napi_value argv[2], promise, name;
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	struct add_work *add = calloc(1, sizeof *add);
	if (add == NULL)
		return NULL;
	napi_get_value_double(env, argv[0], &add->a);
	napi_get_value_double(env, argv[1], &add->b);
	napi_create_promise(env, &add->deferred, &promise);
	napi_create_string_utf8(env, "addAsync", NAPI_AUTO_LENGTH, &name);
	napi_create_async_work(env, NULL, name, execute, complete, add, &add->work);
	napi_queue_async_work(env, add->work);
	return promise;
}

__attribute__((visibility("default"))) napi_value napi_register_module_v1(napi_env env, napi_value exports) {
	napi_value fn;
	if (napi_create_function(env, "addAsync", NAPI_AUTO_LENGTH, add_async, NULL, &fn) != napi_ok ||
	    napi_set_named_property(env, exports, "addAsync", fn) != napi_ok)
		return NULL;
	return exports;
}
