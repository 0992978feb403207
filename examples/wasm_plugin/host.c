/* A host that loads plugin.wasm with a grant and calls its functions. The grant gives nothing but
 * a fuel budget per call and a memory cap: no files, no environment, no output. */
#include <metacall/metacall.h>

#include <stdio.h>
#include <string.h>

/* The host function the plug-in imports as metacall.bonus: a tenth of the points. */
static void *bonus(size_t argc, void *args[], void *data) {
	(void)argc;
	(void)data;
	return metacall_value_create_long(metacall_value_to_long(args[0]) / 10);
}

/* {"fuel": 1000000, "memory": 4 MiB}, a new value. */
static void *grant(void) {
	void *options = metacall_value_create_map(NULL, 2);
	void **entries = metacall_value_to_map(options);
	const char *keys[] = {"fuel", "memory"};
	const long values[] = {1000000, 4L << 20};
	for (int i = 0; i < 2; ++i) {
		entries[i] = metacall_value_create_array(NULL, 2);
		void **pair = metacall_value_to_array(entries[i]);
		pair[0] = metacall_value_create_string(keys[i], strlen(keys[i]));
		pair[1] = metacall_value_create_long(values[i]);
	}
	return options;
}

/* Calls `name` in `handle` with `args` (destroyed here); the result, which the caller destroys. */
static void *call(void *handle, const char *name, void *args[], size_t size) {
	void *result = metacallhv_s(handle, name, args, size);
	for (size_t i = 0; i < size; ++i)
		metacall_value_destroy(args[i]);
	return result;
}

int main(int argc, char *argv[]) {
	const char *path = argc > 1 ? argv[1] : "plugin.wasm";
	if (metacall_initialize() != 0)
		return 1;
	enum metacall_value_id types[] = {METACALL_LONG};
	metacall_registerv("bonus", bonus, NULL, METACALL_LONG, 1, types);

	void *options = grant(), *handle = NULL;
	const int loaded = metacall_load_from_file_ex("wasm", &path, 1, &handle, options);
	metacall_value_destroy(options);
	if (loaded != 0) {
		struct metacall_exception_type error = {0};
		metacall_error_last(&error);
		fprintf(stderr, "cannot load %s: %s\n", path, error.message);
		metacall_destroy();
		return 1;
	}

	void *greeting = call(handle, "greet", (void *[]){metacall_value_create_string("wasm", 4)}, 1);
	void *sum =
	    call(handle, "add", (void *[]){metacall_value_create_int(2), metacall_value_create_int(40)}, 2);
	void *points = call(handle, "boosted", (void *[]){metacall_value_create_long(500)}, 1);
	int ok = greeting != NULL && metacall_value_id(greeting) == METACALL_STRING && sum != NULL &&
	         metacall_value_id(sum) == METACALL_INT && points != NULL &&
	         metacall_value_id(points) == METACALL_LONG;
	if (ok) {
		printf("greet(\"wasm\") = %s\n", metacall_value_to_string(greeting));
		printf("add(2, 40) = %d\n", metacall_value_to_int(sum));
		printf("boosted(500) = %ld\n", (long)metacall_value_to_long(points));
		ok = strcmp(metacall_value_to_string(greeting), "Hello, wasm!") == 0 &&
		     metacall_value_to_int(sum) == 42 && metacall_value_to_long(points) == 550;
	} else {
		fprintf(stderr, "a call failed\n");
	}
	metacall_value_destroy(greeting);
	metacall_value_destroy(sum);
	metacall_value_destroy(points);
	metacall_destroy();
	return ok ? 0 : 1;
}
