// metacall_loader_heap_limit for Python: a cap on the bytes Python allocates, counted by hooks
// around CPython's own allocators (no tracemalloc). Counted: the raw domain (malloc of CPython
// and of pymalloc's large blocks, by malloc_usable_size) and pymalloc's arenas (by their size),
// from the time the cap is first set; past the cap an allocation fails and Python raises
// MemoryError in the thread that asked for it (a script may catch it). Not counted: memory C
// extensions take from malloc directly. Refused when PYTHONMALLOC chose other allocators (the
// debug hooks or plain malloc: the counts would be wrong).
#ifndef PY_LOADER_HEAP_CAP_H
#define PY_LOADER_HEAP_CAP_H

#include <cstddef>
#include <string>

namespace py_loader {

// Sets the cap (0: none), installing the hooks on first use. GIL held. False with `error`.
bool set_heap_cap(std::size_t bytes, std::string &error);

} // namespace py_loader

#endif
