// The WebAssembly loader in the conformance suite (scripts/wasm/, WAT text). What WebAssembly
// cannot do, said honestly:
//  - functions take and return numbers only: echo is (f64) -> f64, so numbers come back as
//    doubles and other values cannot be carried (their round trips are skipped), as for C;
//  - fail cannot throw a message (a trap has no payload): it returns -1, as C's does;
//  - call(f, x) cannot take a function value: the callback cases are skipped;
//  - no async functions, no classes.
#include "conformance_loader.h"
#include "values.h"

ConformanceLoader conformance_loader_wasm() {
	ConformanceLoader loader;
	loader.tag = "wasm";
	loader.scripts = conformance_scripts_root() / "wasm";
	loader.main_script = "main.wat";
	loader.duplicate_script = "duplicate.wat";
	loader.broken_script = "broken.wat";
	loader.memory_source = "(module (func (export \"from_memory\") (param i64 i64) (result i64)\n"
	                       "  (i64.add (local.get 0) (local.get 1))))\n";
	loader.package = "package";
	loader.error_label = "WasmTrap"; // never produced by fail: it returns -1
	loader.supports_async = false;
	loader.supports_exceptions = false;
	loader.supports_callbacks = false;
	loader.add_parameter_types = {METACALL_LONG, METACALL_LONG};
	loader.echo_type = echo_through_double;
	return loader;
}
