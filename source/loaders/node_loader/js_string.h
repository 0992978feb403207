// Reading a JS string into C++: the one place that asks Node-API for the length, then the bytes.
#ifndef NODE_LOADER_JS_STRING_H
#define NODE_LOADER_JS_STRING_H

#include <node_api.h>

#include <string>

namespace node_loader {

// The UTF-8 text of the JS string `value` into `out`; false (out untouched) when it is not a string.
inline bool read_js_string(napi_env env, napi_value value, std::string &out) {
	size_t length = 0;
	if (value == nullptr || napi_get_value_string_utf8(env, value, nullptr, 0, &length) != napi_ok)
		return false;
	out.resize(length);
	napi_get_value_string_utf8(env, value, out.data(), length + 1, &length);
	return true;
}

} // namespace node_loader

#endif
