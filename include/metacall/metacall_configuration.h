/*
 * libmetacall: loading described by a configuration file (MetaCall's
 * metacall_load_from_configuration). Included by metacall.h.
 */
#ifndef METACALL_CONFIGURATION_H
#define METACALL_CONFIGURATION_H

#include <metacall/metacall_def.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Loads the scripts that the JSON file at `path` lists, as metacall_load_from_file loads them:
 *
 *     { "language_id": "node", "path": "./lib", "scripts": ["a.js", "b.js"] }
 *
 * "language_id" (a string) is the loader's tag; "scripts" (a non-empty array of strings) the files,
 * loaded together as one handle; "path" (a string, optional) the folder the scripts are relative to,
 * itself relative to the configuration file's folder when it is not absolute. Without "path",
 * relative scripts are resolved as metacall_load_from_file resolves them. Other keys are ignored.
 * `handle` as for metacall_load_from_file. `allocator` is accepted for MetaCall compatibility and
 * not used. Returns 0 on success; 1, with an error naming the file and the key at fault, when the
 * file cannot be read, is not JSON, lacks a key or has one of the wrong type, or the load fails. */
METACALL_API int metacall_load_from_configuration(const char *path, void **handle, void *allocator);

#ifdef __cplusplus
}
#endif

#endif /* METACALL_CONFIGURATION_H */
