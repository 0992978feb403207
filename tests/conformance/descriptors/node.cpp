// The Node.js loader in the conformance suite (scripts in scripts/node/).
#include "conformance_loader.h"

#include <cmath>
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
	// JS has one number type: safe integers come back as Long, other numbers as Double, longs
	// beyond 2^53 as Long (through BigInt) (docs/NUMBERS.md).
	loader.echo_type = [](void *value) {
		switch (metacall_value_id(value)) {
		case METACALL_CHAR:
		case METACALL_SHORT:
		case METACALL_INT:
		case METACALL_LONG:
			return METACALL_LONG;
		case METACALL_FLOAT:
		case METACALL_DOUBLE: {
			const double number = metacall_value_id(value) == METACALL_FLOAT
			                          ? metacall_value_to_float(value)
			                          : metacall_value_to_double(value);
			constexpr double max_safe = 9007199254740991.0;
			const bool safe_integer = number >= -max_safe && number <= max_safe &&
			                          number == std::trunc(number) && !(number == 0 && std::signbit(number));
			return safe_integer ? METACALL_LONG : METACALL_DOUBLE;
		}
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
