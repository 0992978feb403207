// The Node.js loader in the conformance suite (scripts in scripts/node/).
#include "conformance_loader.h"

#include <cstdint>

ConformanceLoader conformance_loader_node() {
	ConformanceLoader loader;
	loader.tag = "node";
	loader.scripts = conformance_scripts_root() / "node";
	loader.main_script = "main.js";
	loader.duplicate_script = "duplicate.js";
	loader.classes_script = "classes.js";
	loader.broken_script = "broken.js";
	loader.memory_source = "// defined from memory\nmodule.exports.from_memory = (a, b) => a + b;\n";
	loader.package = "conformance_package";
	loader.error_label = "Error"; // fail() throws new Error(message)
	loader.supports_async = true;
	loader.add_parameter_types = {METACALL_INVALID, METACALL_INVALID}; // JS declares no types
	// JS has one number type: numbers come back as Double, except longs beyond 2^53 (BigInt).
	loader.echo_type = [](void *value) {
		constexpr int64_t max_safe = (int64_t{1} << 53) - 1;
		switch (metacall_value_id(value)) {
		case METACALL_LONG: {
			const int64_t number = metacall_value_to_long(value);
			return number > max_safe || number < -max_safe ? METACALL_LONG : METACALL_DOUBLE;
		}
		case METACALL_CHAR:
		case METACALL_SHORT:
		case METACALL_INT:
		case METACALL_FLOAT:
		case METACALL_DOUBLE:
			return METACALL_DOUBLE;
		case METACALL_BOOL:
		case METACALL_STRING:
		case METACALL_BUFFER:
		case METACALL_ARRAY:
		case METACALL_MAP:
		case METACALL_PTR:
		case METACALL_FUNCTION:
		case METACALL_NULL:
			return metacall_value_id(value);
		default:
			return METACALL_INVALID; // futures, exceptions
		}
	};
	return loader;
}
