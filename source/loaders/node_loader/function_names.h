// The port's metacall(name, ...): functions found by name once, then called without the core's
// lookup (its lock, hashing and reference counting cost as much as a third of the call).
//
// Each entry is a function value, which keeps its function alive. A function whose handle was
// cleared since is not called: the core refuses it before the loader runs anything, and the
// caller looks the name up again (forget, then function).
#ifndef NODE_LOADER_FUNCTION_NAMES_H
#define NODE_LOADER_FUNCTION_NAMES_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace node_loader {

class FunctionNames {
public:
	// The function named `name` in the core's global scope (borrowed, valid until forget or
	// clear), or nullptr when there is none (the core's error says so).
	void *function(std::string_view name);
	void forget(std::string_view name);
	void clear() {
		last_ = nullptr;
		values_.clear();
	}

private:
	struct Hash {
		using is_transparent = void;
		size_t operator()(std::string_view name) const { return std::hash<std::string_view>()(name); }
	};
	struct DestroyValue {
		void operator()(void *value) const;
	};
	// Entries of names that were called: bounded in case names keep changing.
	static constexpr size_t kMaxEntries = 1024;
	using Values =
	    std::unordered_map<std::string, std::unique_ptr<void, DestroyValue>, Hash, std::equal_to<>>;
	Values values_;
	// The entry found last: a loop calling one function skips the hashing.
	const Values::value_type *last_ = nullptr;
};

} // namespace node_loader

#endif
