// Numbers between metacall values and wasm values: i32 <-> Integer, i64 <-> Long, f32 <-> Float,
// f64 <-> Double. An argument of another number type converts when it fits (a Long that fits 32
// bits for an i32, a Double with no fraction for an integer); anything else is refused.
#pragma once

#include <wasmtime.h>

#include <string>

namespace wasm_loader {

bool is_number_kind(wasm_valkind_t kind);
const char *wasm_kind_name(wasm_valkind_t kind);

// A new value holding `value` (a number kind).
void *value_of_number(const wasmtime_val_t &value);

// Stores the number `value` holds as `kind` into `out`. False, with what was wrong in `why`
// ("expected i32, got String", "3000000000 does not fit i32"), when it is not a number that fits.
bool number_into(void *value, wasm_valkind_t kind, wasmtime_val_t &out, std::string &why);

} // namespace wasm_loader
