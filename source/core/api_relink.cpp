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

extern "C" int metacall_loader_runtime_v2(const struct metacall_loader_runtime_request *request,
                                          void **library) {
	if (request == nullptr || request->tag == nullptr || request->runtime == nullptr ||
	    request->library == nullptr) {
		set_errorf("TypeError", "metacall_loader_runtime: the tag, the runtime or the library is NULL");
		return -1;
	}
	const auto text = [](const char *value) { return std::string(value != nullptr ? value : ""); };
	try {
		const metacall_relink::RuntimeRequest wanted{request->tag,
		                                             request->runtime,
		                                             request->library,
		                                             text(request->library_variable),
		                                             text(request->v8less_library),
		                                             text(request->v8less_variable)};
		metacall_relink::Decision decision;
		const bool decided = metacall_relink::decide(wanted, decision);
		if (!decision.passed_over.empty())
			log(LogLevel::warn, "relink: loader '%s': %s", request->tag, decision.passed_over.c_str());
		if (!decided) {
			// A mode passed over on the way is part of why none could be had.
			if (!decision.passed_over.empty())
				decision.reason += " (" + decision.passed_over + ")";
			log(LogLevel::warn, "relink: loader '%s': refused: %s", request->tag, decision.reason.c_str());
			metacall_loader_error("relink: %s", decision.reason.c_str());
			return -1;
		}
		static const char *const names[] = {"own", "host", "isolated", "host-v8"};
		const int mode = static_cast<int>(decision.mode); // Mode's values are the ones returned
		log(LogLevel::info, "relink: loader '%s': %s mode: %s", request->tag, names[mode],
		    decision.reason.c_str());
		if (library != nullptr)
			*library = decision.library;
		return mode;
	} catch (const std::exception &error) {
		metacall_loader_error("relink: %s", error.what());
		return -1;
	}
}

extern "C" int metacall_loader_runtime(const char *tag, const char *runtime, const char *library,
                                       const char *library_variable, void **isolated) {
	const metacall_loader_runtime_request request{tag, runtime, library, library_variable, nullptr, nullptr};
	return metacall_loader_runtime_v2(&request, isolated);
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
