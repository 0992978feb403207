/* The loader's string convention for the test plug-ins (see source/loaders/wasm_loader/README.md):
 * the host copies a string argument into memory it gets from metacall_alloc and passes (pointer,
 * length); a string result is a malloc'd copy returned as (pointer << 32 | length), which the host
 * frees with metacall_free after copying it out. */
#ifndef WASM_PLUGINS_STRING_ABI_H
#define WASM_PLUGINS_STRING_ABI_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

__attribute__((export_name("metacall_alloc"))) int32_t metacall_alloc(int32_t size) {
	return (int32_t)(uintptr_t)malloc((size_t)size);
}

__attribute__((export_name("metacall_free"))) void metacall_free(int32_t pointer, int32_t size) {
	(void)size;
	free((void *)(uintptr_t)pointer);
}

/* A copy of `text` (its first `length` bytes), packed for the host; 0 (an empty string) when out of memory.
 */
static int64_t pack_string(const char *text, size_t length) {
	char *copy = malloc(length + 1);
	if (copy == NULL)
		return 0;
	memcpy(copy, text, length);
	copy[length] = '\0';
	return (int64_t)((uint64_t)(uintptr_t)copy << 32 | (uint32_t)length);
}

#endif
