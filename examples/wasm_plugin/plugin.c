/* A MetaCall WebAssembly plug-in in C (wasm32-wasi reactor): a string function, a numeric one,
 * and a call of a host function. Built with:
 *   clang-14 --target=wasm32-wasi -O2 -mexec-model=reactor -fuse-ld=lld plugin.c -o plugin.wasm */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))

/* The host copies string arguments into memory it takes from here, and frees our results here. */
EXPORT("metacall_alloc") int32_t metacall_alloc(int32_t size) {
	return (int32_t)(uintptr_t)malloc((size_t)size);
}

EXPORT("metacall_free") void metacall_free(int32_t pointer, int32_t size) {
	(void)size;
	free((void *)(uintptr_t)pointer);
}

/* A string crosses as (pointer << 32 | length). */
static int64_t pack(const char *text, size_t length) {
	return (int64_t)((uint64_t)(uintptr_t)text << 32 | (uint32_t)length);
}

/* The types the host cannot read from the wasm signature: a string is (i32 pointer, i32 length)
 * as a parameter and an i64 as a result. */
EXPORT("metacall_signatures") int64_t metacall_signatures(void) {
	static const char text[] = "greet(name: string) -> string\n"
	                           "add(a: i32, b: i32) -> i32\n"
	                           "boosted(points: i64) -> i64\n";
	return pack(text, sizeof text - 1);
}

/* "Hello, <name>!": a malloc'd string that the host frees with metacall_free. */
EXPORT("greet") int64_t greet(const char *name, int32_t length) {
	char *text = malloc((size_t)length + 16);
	if (text == NULL)
		return 0;
	const int size = snprintf(text, (size_t)length + 16, "Hello, %.*s!", (int)length, name);
	return pack(text, (size_t)size);
}

EXPORT("add") int32_t add(int32_t a, int32_t b) {
	return a + b;
}

/* A host function, registered by the host with metacall_register("bonus", ...). */
__attribute__((import_module("metacall"), import_name("bonus"))) int64_t bonus(int64_t points);

EXPORT("boosted") int64_t boosted(int64_t points) {
	return points + bonus(points);
}
