// The C loader in the conformance suite. Its "scripts" are shared libraries built from the sources
// in scripts/c/ by tests/c_loader/CMakeLists.txt, each with its header copied beside it, into
// <build>/tests/c_loader/conformance_scripts. The suite only knows the source tree, so that folder
// is found from this executable's own place (<build>/bin).
//
// What C cannot do, said honestly:
//  - echo is `double echo(double)`: numbers come back as doubles; other values cannot be carried
//    (their round trips are skipped), nor longs a double does not hold exactly.
//  - fail cannot throw: C has no exceptions. It returns -1, so the exception cases fail for c.
//  - no async functions.
#include "conformance_loader.h"

#include <cmath>
#include <filesystem>

namespace {

std::filesystem::path built_scripts() {
	std::error_code error;
	const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
	return executable.parent_path().parent_path() / "tests" / "c_loader" / "conformance_scripts";
}

// echo(double x): every number converts to a double, exactly for all but the largest longs.
enum metacall_value_id echo_type(void *value) {
	switch (metacall_value_id(value)) {
	case METACALL_BOOL:
	case METACALL_CHAR:
	case METACALL_SHORT:
	case METACALL_INT:
	case METACALL_FLOAT:
	case METACALL_DOUBLE:
		return METACALL_DOUBLE;
	case METACALL_LONG: {
		const long number = metacall_value_to_long(value);
		const double converted = static_cast<double>(number);
		const bool exact = std::fabs(converted) < 0x1p63 && static_cast<long>(converted) == number;
		return exact || converted == -0x1p63 ? METACALL_DOUBLE : METACALL_INVALID;
	}
	default:
		return METACALL_INVALID;
	}
}

} // namespace

ConformanceLoader conformance_loader_c() {
	ConformanceLoader loader;
	loader.tag = "c";
	loader.scripts = built_scripts();
	loader.main_script = "libmain.so"; // main.h beside it
	loader.duplicate_script = "libduplicate.so";
	loader.broken_script = "broken.h"; // a header alone: its declarations would bind to the process
	// Declarations from memory bind to what the process already has: libgcc_s (loaded by every
	// C++ program) defines __addvdi3(long, long), a + b; the asm label gives it the suite's name.
	loader.memory_source = "long from_memory(long a, long b) __asm__(\"__addvdi3\");\n";
	loader.package = "libpackage.so"; // package.h beside it
	loader.error_label = "CError";    // never produced: C has no exceptions
	loader.supports_async = false;
	loader.supports_exceptions = false; // C's fail() returns -1: there is nothing to throw
	loader.add_parameter_types = {METACALL_LONG, METACALL_LONG};
	loader.echo_type = echo_type;
	return loader;
}
