// Stopping script calls: metacall_interrupt, and the limits that stop them by themselves
// (metacall_handle_limits: time; metacall_loader_heap_limit: memory).
#include "call_gate.h"
#include "error.h"
#include "object.h"
#include "runtime.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <limits>

using namespace metacall_core;

extern "C" {

int metacall_interrupt(void) {
	// Inside the call gate: metacall_destroy cannot stop a loader while it is being asked.
	CallScope scope(nullptr);
	if (!scope || !Runtime::instance().running())
		return -1;
	int asked = 0;
	for (const auto &loader : Runtime::instance().started_loaders()) {
		const metacall_loader_interface &table = loader->interface();
		if (loader->active() && table.interrupt != nullptr) {
			const int stopped = table.interrupt(loader->state(), nullptr);
			if (stopped > 0 && asked <= std::numeric_limits<int>::max() - stopped)
				asked += stopped;
		}
	}
	return asked;
}

int metacall_handle_limits(void *handle, const struct metacall_limits *limits) {
	const char *api = "metacall_handle_limits";
	CallScope scope(api);
	if (!scope)
		return 1;
	if (limits == nullptr) {
		set_errorf("TypeError", "%s: the limits are NULL", api);
		return 1;
	}
	auto life = Runtime::instance().registry().life_of(handle);
	if (life == nullptr) {
		set_errorf("ReferenceError", "%s: the handle is not live (cleared, or never returned by a load)",
		           api);
		return 1;
	}
	life->timeout_ms.store(limits->timeout_ms, std::memory_order_relaxed);
	return 0;
}

int metacall_loader_heap_limit(const char *tag, size_t bytes) {
	const char *api = "metacall_loader_heap_limit";
	CallScope scope(api);
	if (!scope)
		return 1;
	auto loader = Runtime::instance().loader(tag, api);
	if (loader == nullptr)
		return 1;
	const metacall_loader_interface &table = loader->interface();
	if (table.heap_limit == nullptr) {
		set_errorf("LoaderError", "%s: the '%s' loader cannot cap its runtime's heap", api, tag);
		return 1;
	}
	const std::uint64_t before = error_generation();
	if (table.heap_limit(loader->state(), bytes) != 0) {
		const std::string reason = error_generation() != before ? last_error_message() : "it gave no reason";
		set_errorf("LoaderError", "%s: '%s': %s", api, tag, reason.c_str());
		return 1;
	}
	return 0;
}

const void *metacall_loader_call_origin(void) {
	return &this_thread_slot();
}

} // extern "C"
