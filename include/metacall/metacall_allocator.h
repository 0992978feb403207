/*
 * libmetacall: allocators, so that memory the library hands out (metacall_inspect) can come from
 * the host's own allocation functions.
 */
#ifndef METACALL_ALLOCATOR_H
#define METACALL_ALLOCATOR_H

#include <metacall/metacall_def.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum metacall_allocator_id {
	METACALL_ALLOCATOR_STD,  /* ctx: struct metacall_allocator_std_type * */
	METACALL_ALLOCATOR_NGINX /* declared for source compatibility; not supported (create fails) */
};

/* The functions of a malloc-style allocator. The struct is copied at creation. */
struct metacall_allocator_std_type {
	void *(*malloc)(size_t);
	void *(*realloc)(void *, size_t);
	void (*free)(void *);
};

typedef struct metacall_allocator_std_type *metacall_allocator_std;

/* A new allocator (owned by the caller, released with metacall_allocator_destroy), or NULL with
 * an error when the id is not supported or `ctx` is NULL or incomplete. */
METACALL_API void *metacall_allocator_create(enum metacall_allocator_id allocator_id, void *ctx);

/* `size` bytes from the allocator, or NULL. */
METACALL_API void *metacall_allocator_alloc(void *allocator, size_t size);

/* Resizes `data` (of `size` bytes) to `new_size` bytes; returns the new block or NULL (then
 * `data` is untouched). */
METACALL_API void *metacall_allocator_realloc(void *allocator, void *data, size_t size, size_t new_size);

/* Releases `data` obtained from this allocator (or from a library function that took it). */
METACALL_API void metacall_allocator_free(void *allocator, void *data);

/* Releases the allocator itself (not the memory obtained from it). NULL is ignored. */
METACALL_API void metacall_allocator_destroy(void *allocator);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_ALLOCATOR_H */
