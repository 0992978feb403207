// The functions that call methods for metacallv_object, one per method name, made once (owner
// thread): bootstrap.js's methodCaller(name) looks the method up in JS, where V8's inline caches
// make the lookup cheap. A Node-API property read from C costs more than the whole call (a
// string made and internalized, a generic lookup), and Node 18 cannot keep a string for the
// next call (napi_create_reference takes objects only), but it keeps a function.
#ifndef NODE_LOADER_METHOD_CALLERS_H
#define NODE_LOADER_METHOD_CALLERS_H

#include <node_api.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace node_loader {

class NodeEnvironment;

class MethodCallers {
public:
	// The caller of the method `name`, or nullptr with a JS exception pending.
	napi_value caller(NodeEnvironment &environment, std::string_view name);
	// Lets go of the callers (the environment is about to go, or the table is full).
	void clear(napi_env env);

private:
	struct Hash {
		using is_transparent = void;
		size_t operator()(std::string_view name) const { return std::hash<std::string_view>()(name); }
	};
	// Bounded, in case the names keep changing.
	static constexpr size_t kMaxEntries = 1024;
	using Callers = std::unordered_map<std::string, napi_ref, Hash, std::equal_to<>>;
	Callers callers_;
	// The entry found last: a loop calling one method skips the hashing.
	const Callers::value_type *last_ = nullptr;
};

} // namespace node_loader

#endif
