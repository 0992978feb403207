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
#include "values.h"

#include <filesystem>

namespace {

std::filesystem::path built_scripts() {
	std::error_code error;
	const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
	return executable.parent_path().parent_path() / "tests" / "c_loader" / "conformance_scripts";
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
	loader.echo_type = echo_through_double;
	return loader;
}
