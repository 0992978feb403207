// The registry: the global scope of names, the live handles, and the host's functions.
// Guarded by one reader-writer lock, held only for lookups and changes, never during a call.
#pragma once

#include "function.h"
#include "object.h"

#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace metacall_core {

class Loader;

struct StringHash {
	using is_transparent = void;
	std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename T>
using NameMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

// What one load brought in.
struct Handle {
	std::string tag, name;
	std::shared_ptr<Loader> loader;
	void *module = nullptr; // the loader's own object (none for the host's handle)
	bool global = false;    // its functions are also in the global scope
	std::string options;    // the load options as JSON (metacall_load_from_*_ex), or empty
	std::vector<std::shared_ptr<Function>> functions;
	NameMap<std::shared_ptr<Function>> by_name;
	// Its classes and objects (module-level instances), in definition order.
	std::vector<std::pair<std::string, std::shared_ptr<Object>>> objects;
	NameMap<std::shared_ptr<Object>> objects_by_name;
	// Cleared with the handle: what came from it can no longer be used.
	std::shared_ptr<HandleLife> life;

	// Adds a function; false when the module already has that name.
	bool add(std::shared_ptr<Function> function);
	// Adds a class or an object; false when the module already has that name.
	bool add(std::string object_name, std::shared_ptr<Object> object);
	std::shared_ptr<Function> find(std::string_view function_name) const;
	std::shared_ptr<Object> find_object(std::string_view object_name) const;
	bool has(std::string_view any_name) const {
		return by_name.count(any_name) + objects_by_name.count(any_name) != 0;
	}
};

// What metacall_handle_export and inspect read of a handle, copied under the registry's lock.
struct HandleContents {
	std::vector<std::shared_ptr<Function>> functions;
	std::vector<std::pair<std::string, std::shared_ptr<Object>>> objects;
};

class Registry {
public:
	// Makes a loaded handle live (its functions enter the global scope if it is global).
	// Returns the live handle, or nullptr and a message naming the clash in `error`.
	Handle *add(std::unique_ptr<Handle> handle, std::string &error);
	// Registers a host function, in the global scope when `named`.
	bool add_host(std::shared_ptr<Function> function, bool named, const std::shared_ptr<Loader> &host,
	              std::string &error);
	// Adds functions, classes and objects to the live `handle` (and to the global scope when it is
	// global): metacall_handle_populate, metacall_register_loaderv. All or nothing: false, with
	// `error` naming the clash, when a name is taken or the handle is not live.
	bool add_to(void *handle, const HandleContents &contents, std::string &error);
	// Takes a live handle out (its functions are unloaded); nullptr when `handle` is not live.
	std::unique_ptr<Handle> remove(void *handle);
	// Takes every handle out (newest first, functions unloaded) and forgets the anonymous host
	// functions, for metacall_destroy.
	std::vector<std::unique_ptr<Handle>> take_all();

	std::shared_ptr<Function> find(std::string_view name) const;
	// A function of a live handle; nullptr (and `live` false) when the handle is not live.
	std::shared_ptr<Function> find(void *handle, std::string_view name, bool &live) const;
	Handle *find_handle(std::string_view tag, std::string_view name) const;
	// The name of the first live handle (in load order) with a function `function_name`, "" when
	// none: for errors that point from the global scope to the handle that has it.
	std::string handle_with(std::string_view function_name) const;
	// The class or object `name` of the global scope (nullptr when none).
	std::shared_ptr<Object> find_object(std::string_view name) const;
	// A class or object of a live handle; nullptr (and `live` false) when the handle is not live.
	std::shared_ptr<Object> find_object(void *handle, std::string_view name, bool &live) const;
	// The functions of a live handle in definition order; false when it is not live.
	bool functions(void *handle, std::vector<std::shared_ptr<Function>> &out) const;
	// Its functions, classes and objects; false when it is not live.
	bool contents(void *handle, HandleContents &out) const;
	bool is_live(void *handle) const;
	// What the functions of a live handle share (their time limit); nullptr when it is not live.
	std::shared_ptr<HandleLife> life_of(void *handle) const;

	// Calls visit(const Handle &) for each live handle in load order, under the read lock.
	template <typename Visit>
	void for_each(Visit visit) const {
		std::shared_lock lock(mutex_);
		for (const Handle *handle : order_)
			visit(*handle);
	}

private:
	mutable std::shared_mutex mutex_;
	NameMap<std::shared_ptr<Function>> global_;
	NameMap<std::shared_ptr<Object>> global_objects_;
	std::unordered_map<const void *, std::unique_ptr<Handle>> live_;
	std::vector<Handle *> order_;
	Handle *host_ = nullptr; // the host functions' handle, made on the first registration
	std::vector<std::shared_ptr<Function>> anonymous_;
};

} // namespace metacall_core
