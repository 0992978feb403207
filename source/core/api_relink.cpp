// metacall_relink_report: the relink module's detection (source/relink) as JSON.
#include "copy_out.h"
#include "error.h"
#include "report.h"

#include <metacall/metacall.h>

#include <exception>
#include <string>

using namespace metacall_core;

// No CallScope: detection reads the process, not the runtime, so it also answers before
// metacall_initialize and after metacall_destroy.
extern "C" char *metacall_relink_report(size_t *size, void *allocator) {
	try {
		return copy_to_caller(metacall_relink::report_json(), size, allocator, "metacall_relink_report");
	} catch (const std::exception &error) {
		set_errorf("MemoryError", "metacall_relink_report: %s", error.what());
		return nullptr;
	}
}
