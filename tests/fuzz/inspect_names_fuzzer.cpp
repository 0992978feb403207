// libFuzzer target: a host function registered under any name the fuzzer invents, then
// metacall_inspect: its text must parse as JSON, and must list the function under that very name
// (or the registration must have been refused with a reason). Then the function is unregistered by
// restarting the runtime every 64 inputs (the registry keeps what was registered).
#include <metacall/metacall.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void *nothing(size_t, void *[], void *) {
	return nullptr;
}

bool lists(const nlohmann::json &inspect, const std::string &name) {
	for (const auto &[tag, handles] : inspect.items())
		if (handles.is_array())
			for (const auto &handle : handles)
				for (const auto &function : handle["scope"]["funcs"])
					if (function["name"] == name)
						return true;
	return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	static int inputs = 0;
	if (inputs++ % 64 == 0) {
		metacall_destroy();
		if (metacall_initialize() != 0)
			std::abort();
		if (inputs == 1)
			std::atexit(metacall_destroy);
	}
	const std::string name(reinterpret_cast<const char *>(data), size);
	if (name.find('\0') != std::string::npos)
		return 0; // a C string cannot hold it
	if (metacall_register(name.c_str(), nothing, nullptr, METACALL_NULL, 0) != 0) {
		metacall_exception_type error{};
		if (metacall_error_last(&error) != 0 || error.message[0] == '\0')
			std::abort(); // refused without a reason
		metacall_error_clear();
		return 0;
	}
	char *text = metacall_inspect(nullptr, nullptr);
	if (text == nullptr)
		std::abort();
	const nlohmann::json inspect = nlohmann::json::parse(text, nullptr, false); // no exceptions
	std::free(text);
	if (inspect.is_discarded() || !lists(inspect, name))
		std::abort(); // not JSON, or the name did not survive it
	return 0;
}
