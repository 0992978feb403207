// metacall_pump: a host thread drives a loader's event loop (see metacall.h, "Event loops").
#include "error.h"
#include "function.h"
#include "runtime.h"

#include <metacall/metacall.h>

using namespace metacall_core;

namespace {

// The started loader of `tag` for `api`, with an event loop; nullptr after setting the error.
std::shared_ptr<Loader> pumped_loader(const char *api, const char *tag) {
	if (tag == nullptr) {
		set_errorf("TypeError", "%s: the tag is NULL", api);
		return nullptr;
	}
	auto loader = Runtime::instance().loader(tag, api);
	if (loader != nullptr && loader->interface().pump == nullptr) {
		set_errorf("LoaderError", "%s(\"%s\"): the '%s' loader has no event loop to pump", api, tag, tag);
		return nullptr;
	}
	return loader;
}

// The loader entry's `result`, its error (if any since `before`) under `api`'s name.
int loader_result(const char *api, const char *tag, std::uint64_t before, int result) {
	if (result == 0)
		return 0;
	set_errorf("LoaderError", "%s(\"%s\"): %s", api, tag,
	           error_generation() != before ? last_error_message().c_str() : "the loader gave no reason");
	return 1;
}

int pump_with(const char *api, const char *tag, int options) {
	CallScope scope(api);
	if (!scope)
		return 1;
	auto loader = pumped_loader(api, tag);
	if (loader == nullptr)
		return 1;
	if (options != 0 && loader->interface().pump_ex == nullptr) {
		set_errorf("LoaderError", "%s(\"%s\"): the '%s' loader takes no pump options", api, tag, tag);
		return 1;
	}
	std::uint64_t before = error_generation();
	return loader_result(api, tag, before, loader->pump(options));
}

} // namespace

extern "C" int metacall_pump(const char *tag) {
	return pump_with("metacall_pump", tag, 0);
}

extern "C" int metacall_pump_ex(const char *tag, int options) {
	const char *api = "metacall_pump_ex";
	if ((options & ~(METACALL_PUMP_SHARED | METACALL_PUMP_ON_CALLS)) != 0) {
		set_errorf("TypeError", "%s: unknown options 0x%x (METACALL_PUMP_SHARED, METACALL_PUMP_ON_CALLS)",
		           api, static_cast<unsigned>(options));
		return 1;
	}
	return pump_with(api, tag, options);
}

extern "C" int metacall_pump_poll(const char *tag, int *fd, int *timeout_ms) {
	const char *api = "metacall_pump_poll";
	if (fd == nullptr || timeout_ms == nullptr) {
		set_errorf("TypeError", "%s: fd and timeout_ms must not be NULL", api);
		return 1;
	}
	CallScope scope(api);
	if (!scope)
		return 1;
	auto loader = pumped_loader(api, tag);
	if (loader == nullptr)
		return 1;
	if (loader->interface().pump_poll == nullptr) {
		set_errorf("LoaderError", "%s(\"%s\"): the '%s' loader cannot be driven by a host's loop", api, tag,
		           tag);
		return 1;
	}
	std::uint64_t before = error_generation();
	return loader_result(api, tag, before, loader->interface().pump_poll(loader->state(), fd, timeout_ms));
}
