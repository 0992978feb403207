// Thread-locals read on every call: initial-exec, a load at a fixed offset from the thread pointer
// instead of a call into the dynamic linker. libmetacall and the loaders are dlopen'ed (by the
// ports, by libmetacall), where a thread-local is otherwise dynamic: about 5 ns per access, a dozen
// accesses per call. Initial-exec ones come from the static TLS that glibc keeps for dlopen'ed
// libraries (a few hundred bytes for the whole process): only for a few bytes each, the rest
// behind a pointer. Header-only, shared by the core and the loaders.
#ifndef METACALL_CORE_FAST_TLS_H
#define METACALL_CORE_FAST_TLS_H

#define METACALL_FAST_TLS __attribute__((tls_model("initial-exec")))

#endif
