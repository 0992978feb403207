// The mock loader in the conformance suite: the reference every real loader is compared with.
#include "conformance_loader.h"

ConformanceLoader conformance_loader_mock() {
	ConformanceLoader loader;
	loader.tag = "mock";
	loader.scripts = conformance_scripts_root() / "mock";
	loader.main_script = "main.mock";
	loader.duplicate_script = "duplicate.mock";
	loader.broken_script = "broken.mock";
	loader.memory_source = "# defined from memory\nfn from_memory(a: Long, b: Long) -> Long = add\n";
	loader.package = "package";
	loader.error_label = "MockError";
	loader.supports_async = true;
	loader.add_parameter_types = {METACALL_LONG, METACALL_LONG};
	loader.echo_type = [](void *value) { return metacall_value_id(value); }; // echo copies the value
	return loader;
}
