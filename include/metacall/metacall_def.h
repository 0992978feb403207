/*
 * libmetacall: shared definitions of the public headers.
 *
 * METACALL_API marks what the library exports. The library is built with hidden
 * visibility, so everything not marked here stays private to it.
 */
#ifndef METACALL_DEF_H
#define METACALL_DEF_H

#if defined(_WIN32)
#  if defined(METACALL_BUILDING)
#	define METACALL_API __declspec(dllexport)
#  else
#	define METACALL_API __declspec(dllimport)
#  endif
#else
#  define METACALL_API __attribute__((visibility("default")))
#endif

/* MetaCall's headers spell the boolean type of the value API as `boolean`; keep that name so
 * hosts written against them compile unchanged. A typedef, not a macro: a macro would rewrite
 * every other use of the word (enumerators, members) in code that includes these headers. */
#ifndef METACALL_BOOLEAN_DEFINED
#  define METACALL_BOOLEAN_DEFINED
typedef unsigned char boolean;
#endif

#endif /* METACALL_DEF_H */
