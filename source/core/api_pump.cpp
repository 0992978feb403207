// metacall_pump: a host thread drives a loader's event loop (see metacall.h, "Event loops").
#include "error.h"
#include "function.h"
#include "runtime.h"

#include <metacall/metacall.h>

using namespace metacall_core;

extern "C" int metacall_pump(const char *tag) {
	const char *api = "metacall_pump";
	if (tag == nullptr) {
		set_errorf("TypeError", "%s: the tag is NULL", api);
		return 1;
	}
	CallScope scope(api);
	if (!scope)
		return 1;
	auto loader = Runtime::instance().loader(tag, api);
	if (loader == nullptr)
		return 1;
	if (loader->interface().pump == nullptr) {
		set_errorf("LoaderError", "%s(\"%s\"): the '%s' loader has no event loop to pump", api, tag, tag);
		return 1;
	}
	std::uint64_t before = error_generation();
	if (loader->pump() != 0) {
		set_errorf("LoaderError", "%s(\"%s\"): %s", api, tag,
		           error_generation() != before ? last_error_message().c_str() : "the loader gave no reason");
		return 1;
	}
	return 0;
}
