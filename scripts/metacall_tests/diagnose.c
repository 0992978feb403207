/* LD_PRELOAD-ed into MetaCall's test programs by the harness (harness.py): when a load fails, or
 * a call by name or by function (the v forms) returns NULL or a throwable, prints libmetacall's
 * reason on stderr, so the results table says why instead of only "returned 1" or "got 18". The
 * calls pass through unchanged; the values are not touched. (The variadic metacall() and
 * metacallf() cannot be wrapped without changing them, so their failures show no reason.) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

#include <metacall/metacall.h>

static void report(const char *what, const char *tag, const char *name, int result) {
	struct metacall_exception_type ex;
	if (result == 0)
		return;
	if (metacall_error_last(&ex) == 0)
		fprintf(stderr, "[metacall_tests] %s(\"%s\", \"%.80s\") failed: %s: %s\n", what, tag ? tag : "",
		        name ? name : "", ex.label, ex.message);
	else
		fprintf(stderr, "[metacall_tests] %s(\"%s\", \"%.80s\") failed with no error recorded\n", what,
		        tag ? tag : "", name ? name : "");
	fflush(stderr);
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

int metacall_load_from_file(const char *tag, const char *paths[], size_t size, void **handle) {
	int r = NEXT(metacall_load_from_file)(tag, paths, size, handle);
	report("metacall_load_from_file", tag, size > 0 && paths ? paths[0] : "", r);
	return r;
}

int metacall_load_from_memory(const char *tag, const char *buffer, size_t size, void **handle) {
	int r = NEXT(metacall_load_from_memory)(tag, buffer, size, handle);
	report("metacall_load_from_memory", tag, "<buffer>", r);
	return r;
}

int metacall_load_from_package(const char *tag, const char *path, void **handle) {
	int r = NEXT(metacall_load_from_package)(tag, path, handle);
	report("metacall_load_from_package", tag, path, r);
	return r;
}

int metacall_load_from_configuration(const char *path, void **handle, void *allocator) {
	int r = NEXT(metacall_load_from_configuration)(path, handle, allocator);
	report("metacall_load_from_configuration", "", path, r);
	return r;
}

static void report_call(const char *what, const char *name, void *result) {
	struct metacall_exception_type ex;
	if (result == NULL) {
		if (metacall_error_last(&ex) == 0)
			fprintf(stderr, "[metacall_tests] %s(\"%s\") returned NULL: %s: %s\n", what, name, ex.label,
			        ex.message);
		else
			fprintf(stderr, "[metacall_tests] %s(\"%s\") returned NULL\n", what, name);
	} else if (metacall_value_id(result) == METACALL_THROWABLE) {
		if (metacall_error_from_value(result, &ex) == 0)
			fprintf(stderr, "[metacall_tests] %s(\"%s\") threw %s: %s\n", what, name, ex.label, ex.message);
		else
			fprintf(stderr, "[metacall_tests] %s(\"%s\") threw a value that is not an exception\n", what,
			        name);
	} else {
		return;
	}
	fflush(stderr);
}

void *metacallv(const char *name, void *args[]) {
	void *r = NEXT(metacallv)(name, args);
	report_call("metacallv", name, r);
	return r;
}

void *metacallv_s(const char *name, void *args[], size_t size) {
	void *r = NEXT(metacallv_s)(name, args, size);
	report_call("metacallv_s", name, r);
	return r;
}

void *metacallhv(void *handle, const char *name, void *args[]) {
	void *r = NEXT(metacallhv)(handle, name, args);
	report_call("metacallhv", name, r);
	return r;
}

void *metacallhv_s(void *handle, const char *name, void *args[], size_t size) {
	void *r = NEXT(metacallhv_s)(handle, name, args, size);
	report_call("metacallhv_s", name, r);
	return r;
}

void *metacallfv(void *func, void *args[]) {
	void *r = NEXT(metacallfv)(func, args);
	report_call("metacallfv", "<function>", r);
	return r;
}

void *metacallfv_s(void *func, void *args[], size_t size) {
	void *r = NEXT(metacallfv_s)(func, args, size);
	report_call("metacallfv_s", "<function>", r);
	return r;
}
