/* The raw Node-API baselines of the node benchmarks: an addon (raw_napi_addon.node) that the
 * benchmark script opens with process.dlopen and hands the same `add` the loader calls. Its
 * napi_* symbols resolve against the libnode the node loader loaded RTLD_GLOBAL; a benchmark
 * reaches this table with dlopen(RTLD_NOLOAD) + dlsym(RAW_NAPI_ADDON_ENTRY). */
#ifndef BENCHMARKS_NODE_RAW_NAPI_ADDON_H
#define BENCHMARKS_NODE_RAW_NAPI_ADDON_H

#ifdef __cplusplus
extern "C" {
#endif

#define RAW_NAPI_ADDON_ENTRY "raw_napi_addon"

struct raw_napi_addon {
	/* Non-zero once the script registered `add` (and the thread-safe function was created). */
	int (*ready)(void);
	/* On the JS thread: a handle scope, two napi_create_double, napi_call_function on `add`,
	 * napi_get_value_double, the scope closed. */
	double (*call)(double a, double b);
	/* The same inside a callback scope too (what a correct call from outside JS needs for promise
	 * jobs and process.nextTick callbacks to run when it ends). */
	double (*call_in_callback_scope)(double a, double b);
	/* From another thread: napi_call_threadsafe_function, whose call_js (on the JS thread) does
	 * what `call` does and posts the result; the caller spins (`spin`: polls, yielding now and then,
	 * never sleeps) or sleeps on a semaphore. */
	double (*threadsafe_call)(double a, double b, int spin);
	/* Releases the thread-safe function (any thread, before metacall_destroy). */
	void (*release)(void);
};

typedef const struct raw_napi_addon *(*raw_napi_addon_entry)(void);

#ifdef __cplusplus
}
#endif

#endif
