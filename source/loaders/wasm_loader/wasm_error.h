// What went wrong in wasmtime, as text: errors, traps (with the trap's kind and the wasm
// backtrace) and the throwables the loader returns for them.
#pragma once

#include <wasmtime.h>

#include <string>

namespace wasm_loader {

// The message of `error`, which is deleted.
std::string take_error(wasmtime_error_t *error);

// What a failed call ends with: a throwable value (new) for `error` or `trap` (one of them
// non-NULL; it is deleted). A trap is labelled after its kind ("OutOfFuelError" for a spent fuel
// budget, "InterruptedError" for metacall_interrupt or a time limit, "WasmTrap" otherwise: the
// kind in the message; also a trap a host function raised), with the wasm backtrace (function
// names or indexes, module offsets).
// `function` names the export called. A WASI proc_exit(0) is no failure: NULL is returned.
void *throwable_of(const std::string &function, wasmtime_error_t *error, wasm_trap_t *trap, bool interrupted);

} // namespace wasm_loader
