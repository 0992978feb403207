// metacall_relink_report: the relink module's detection (source/relink) as JSON.
#include "copy_out.h"
#include "elf_binder.h"
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
                                       const char *library_variable, void **isolated) {
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
		static const char *const names[] = {"host", "own", "isolated"};
		const int mode = static_cast<int>(decision.mode);
		log(LogLevel::info, "relink: loader '%s': %s mode: %s", tag, names[mode], decision.reason.c_str());
		if (isolated != nullptr)
			*isolated = decision.library;
		return decision.mode == metacall_relink::Mode::host  ? 1
		       : decision.mode == metacall_relink::Mode::own ? 0
		                                                     : 2;
	} catch (const std::exception &error) {
		metacall_loader_error("relink: %s", error.what());
		return -1;
	}
}

extern "C" int metacall_loader_bind_imports(void *target, const char *pattern, void *provider) {
	if (target == nullptr || pattern == nullptr || provider == nullptr) {
		metacall_loader_error("relink: bind imports: the target, the pattern or the provider is NULL");
		return -1;
	}
	try {
		const metacall_relink::BindResult result =
		    metacall_relink::bind_imports(target, pattern, provider, false);
		if (!result.ok()) {
			metacall_loader_error("relink: %s", result.error.c_str());
			return -1;
		}
		log(LogLevel::debug, "relink: rebound %zu imports matching '%s'", result.rebound, pattern);
		return static_cast<int>(result.rebound);
	} catch (const std::exception &error) {
		metacall_loader_error("relink: %s", error.what());
		return -1;
	}
}
