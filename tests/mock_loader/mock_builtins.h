// The builtins a mock declaration binds to (add, echo, throw, call, null).
#ifndef MOCK_BUILTINS_H
#define MOCK_BUILTINS_H

#include "mock_script.h"

#include <cstddef>

namespace mock {

// Runs the builtin of `declaration` with borrowed `args`. Returns a new value: the result, or a
// throwable ("TypeError" for unusable arguments, "MockError" from `throw`). Never NULL, never throws
// except std::bad_alloc.
void *run_builtin(const Declaration &declaration, void *args[], std::size_t size);

} // namespace mock

#endif
