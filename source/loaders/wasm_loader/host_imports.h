// The "metacall" import module: a plug-in that imports `metacall.<name>` calls the host function
// registered under that name (metacall_register), with numbers as arguments and result.
#pragma once

#include <wasmtime.h>

#include <string>

namespace wasm_loader {

// Defines in `linker` the import `name` of the "metacall" module with type `type` (borrowed).
// Throws std::runtime_error when a parameter or result is not a number type.
void define_host_import(wasmtime_linker_t *linker, const std::string &name, const wasm_functype_t *type);

} // namespace wasm_loader
