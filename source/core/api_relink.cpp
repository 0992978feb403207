// metacall_relink_report: the relink module's detection (source/relink) as JSON.
#include "copy_out.h"
#include "error.h"
#include "log.h"
#include "policy.h"
#include "report.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

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

extern "C" int metacall_loader_runtime(const char *tag, const char *runtime, const char *library,
                                       const char *library_variable) {
	if (tag == nullptr || runtime == nullptr || library == nullptr) {
		set_errorf("TypeError", "metacall_loader_runtime: the tag, the runtime or the library is NULL");
		return -1;
	}
	try {
		metacall_relink::RuntimeRequest request{tag, runtime, library,
		                                        library_variable != nullptr ? library_variable : ""};
		metacall_relink::Decision decision;
		if (!metacall_relink::decide(request, decision)) {
			metacall_loader_error("relink: %s", decision.reason.c_str());
			return -1;
		}
		log(LogLevel::info, "relink: loader '%s': %s mode: %s", tag,
		    decision.mode == metacall_relink::Mode::host ? "host" : "own", decision.reason.c_str());
		return decision.mode == metacall_relink::Mode::host ? 1 : 0;
	} catch (const std::exception &error) {
		metacall_loader_error("relink: %s", error.what());
		return -1;
	}
}
