/* Stand-in for MetaCall's generated <metacall/metacall_loaders.h> (its build writes one from
 * source/loaders/loaders.h.in). MetaCall's tests read it to know which loaders exist; the
 * harness (run.sh) names the ones libmetacall has: c, node and py. Not installed, not shipped:
 * used only to compile MetaCall's test programs. */
#ifndef METACALL_LOADERS_H
#define METACALL_LOADERS_H 1

#define OPTION_BUILD_LOADERS 1
#define OPTION_BUILD_LOADERS_C 1
#define OPTION_BUILD_LOADERS_NODE 1
#define OPTION_BUILD_LOADERS_PY 1

#endif /* METACALL_LOADERS_H */
