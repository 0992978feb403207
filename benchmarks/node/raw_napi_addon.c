/* The raw Node-API baselines (see raw_napi_addon.h). Plain Node-API, the way an addon author
 * would write the call; no error handling beyond what a benchmark needs (a failed call gives 0). */
#include "raw_napi_addon.h"

#include <node_api.h>

#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stddef.h>

#if defined(__x86_64__) || defined(__i386__)
#  include <immintrin.h>
#  define RAW_NAPI_PAUSE() _mm_pause()
#else
#  define RAW_NAPI_PAUSE() ((void)0)
#endif

/* What register() recorded: one environment, one function, one thread-safe function. */
static napi_env add_env = NULL;
static napi_ref add_ref = NULL;
static napi_async_context add_async = NULL;
static napi_ref add_resource = NULL;
static napi_threadsafe_function add_tsfn = NULL;

/* One call of add(a, b) with the handles in the current scope. */
static double call_add(napi_env env, double a, double b) {
	napi_value argv[2], fn, receiver, result;
	double sum = 0;
	napi_create_double(env, a, &argv[0]);
	napi_create_double(env, b, &argv[1]);
	napi_get_reference_value(env, add_ref, &fn);
	napi_get_undefined(env, &receiver);
	if (napi_call_function(env, receiver, fn, 2, argv, &result) == napi_ok)
		napi_get_value_double(env, result, &sum);
	return sum;
}

static double call(double a, double b) {
	napi_handle_scope scope;
	napi_open_handle_scope(add_env, &scope);
	const double sum = call_add(add_env, a, b);
	napi_close_handle_scope(add_env, scope);
	return sum;
}

static double call_in_callback_scope(double a, double b) {
	napi_handle_scope scope;
	napi_callback_scope callbacks;
	napi_value resource;
	napi_open_handle_scope(add_env, &scope);
	napi_get_reference_value(add_env, add_resource, &resource);
	napi_open_callback_scope(add_env, resource, add_async, &callbacks);
	const double sum = call_add(add_env, a, b);
	napi_close_callback_scope(add_env, callbacks);
	napi_close_handle_scope(add_env, scope);
	return sum;
}

/* One request of threadsafe_call, on the caller's stack until it is answered. */
struct request {
	double a, b, sum;
	atomic_int done;
	int spin;
	sem_t answered;
};

/* On the JS thread; Node opened a handle scope and a callback scope around it. */
static void call_js(napi_env env, napi_value js_callback, void *context, void *data) {
	(void)js_callback;
	(void)context;
	struct request *request = data;
	request->sum = env != NULL ? call_add(env, request->a, request->b) : 0;
	if (request->spin) {
		atomic_store_explicit(&request->done, 1, memory_order_release);
	} else {
		sem_post(&request->answered);
	}
}

static double threadsafe_call(double a, double b, int spin) {
	struct request request = {.a = a, .b = b, .sum = 0, .spin = spin};
	atomic_init(&request.done, 0);
	if (!spin)
		sem_init(&request.answered, 0, 0);
	if (napi_call_threadsafe_function(add_tsfn, &request, napi_tsfn_blocking) != napi_ok)
		return 0;
	if (spin) {
		/* Never sleeps; after the first ~1000 pauses it yields now and then, so that on a machine
		 * with fewer free cores than threads, Node's thread gets one (a pure spin can hold it off
		 * for a whole scheduler time slice, milliseconds). */
		for (unsigned i = 0; !atomic_load_explicit(&request.done, memory_order_acquire); ++i) {
			if (i > 1024 && (i & 63) == 0)
				sched_yield();
			RAW_NAPI_PAUSE();
		}
	} else {
		while (sem_wait(&request.answered) != 0) {
		}
		sem_destroy(&request.answered);
	}
	return request.sum;
}

static int ready(void) {
	return add_ref != NULL && add_tsfn != NULL;
}

static void release(void) {
	if (add_tsfn != NULL)
		napi_release_threadsafe_function(add_tsfn, napi_tsfn_release);
	add_tsfn = NULL;
}

/* exports.register(add), called by the benchmark script on the JS thread. */
static napi_value register_add(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value fn = NULL, resource, name;
	napi_get_cb_info(env, info, &argc, &fn, NULL, NULL);
	add_env = env;
	if (napi_create_reference(env, fn, 1, &add_ref) != napi_ok ||
	    napi_create_object(env, &resource) != napi_ok ||
	    napi_create_reference(env, resource, 1, &add_resource) != napi_ok ||
	    napi_create_string_utf8(env, "raw_napi_addon", NAPI_AUTO_LENGTH, &name) != napi_ok ||
	    napi_async_init(env, resource, name, &add_async) != napi_ok ||
	    napi_create_threadsafe_function(env, NULL, NULL, name, 0, 1, NULL, NULL, NULL, call_js, &add_tsfn) !=
	        napi_ok) {
		napi_throw_error(env, NULL, "raw_napi_addon: register failed");
		return NULL;
	}
	napi_unref_threadsafe_function(env, add_tsfn); /* it does not keep the event loop alive */
	return NULL;
}

static const struct raw_napi_addon addon_table = {ready, call, call_in_callback_scope, threadsafe_call,
                                                  release};

__attribute__((visibility("default"))) const struct raw_napi_addon *raw_napi_addon(void) {
	return &addon_table;
}

__attribute__((visibility("default"))) napi_value napi_register_module_v1(napi_env env, napi_value exports) {
	napi_value fn;
	if (napi_create_function(env, "register", NAPI_AUTO_LENGTH, register_add, NULL, &fn) != napi_ok ||
	    napi_set_named_property(env, exports, "register", fn) != napi_ok)
		return NULL;
	return exports;
}
