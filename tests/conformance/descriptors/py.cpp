// The Python loader in the conformance suite (scripts in scripts/py/).
#include "conformance_loader.h"

ConformanceLoader conformance_loader_py() {
	ConformanceLoader loader;
	loader.tag = "py";
	loader.scripts = conformance_scripts_root() / "py";
	loader.main_script = "main.py";
	loader.duplicate_script = "duplicate.py";
	loader.classes_script = "classes.py";
	loader.broken_script = "broken.py";
	loader.memory_source =
	    "# defined from memory\ndef from_memory(a: int, b: int) -> int:\n    return a + b\n";
	loader.package = "conformance_package";
	loader.error_label = "ValueError"; // fail() raises ValueError(message)
	loader.supports_async = true;
	loader.add_parameter_types = {METACALL_LONG, METACALL_LONG}; // def add(a: int, b: int)
	// Python has one int and one float type: narrower numbers come back as Long and Double.
	loader.echo_type = [](void *value) {
		switch (metacall_value_id(value)) {
		case METACALL_CHAR:
		case METACALL_SHORT:
		case METACALL_INT:
		case METACALL_LONG:
			return METACALL_LONG;
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
			return METACALL_INVALID; // futures, exceptions, classes, objects
		}
	};
	return loader;
}
