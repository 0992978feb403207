// Loading and unloading: metacall_execution_path, metacall_load_from_*, metacall_clear,
// metacall_handle, metacall_handle_name.
#include "error.h"
#include "function.h"
#include "json_value.h"
#include "load_options.h"
#include "object.h"
#include "path_search.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall.h>

#include <functional>

using namespace metacall_core;

namespace {

// Collects what a plug-in's discover describes into a handle.
struct Discovery {
	static constexpr std::uint32_t kMagic = 0x4d434453; // "MCDS"
	Handle *handle;
	std::string error;
	std::uint32_t magic = kMagic; // tells discover's scope from other pointers
};

int define_function(void *scope, const metacall_loader_function *description) {
	auto *discovery = static_cast<Discovery *>(scope);
	if (description == nullptr || description->name == nullptr || description->name[0] == '\0') {
		discovery->error = "the loader described a function without a name";
		return 1;
	}
	Signature signature = signature_from(*description);
	Handle *handle = discovery->handle;
	auto function = std::make_shared<Function>(std::move(signature), handle->loader, description->data);
	function->tie(handle->life);
	if (handle->has(description->name) || !handle->add(std::move(function))) {
		discovery->error = std::string("the module defines '") + description->name + "' twice";
		return 1;
	}
	return 0;
}

// The plug-in gave a class or object value (taken) for its module (metacall_loader_define_value).
int define_value(void *scope, const char *name, void *v) {
	ValuePtr value(static_cast<Value *>(v));
	auto *discovery = static_cast<Discovery *>(scope);
	if (discovery == nullptr || discovery->magic != Discovery::kMagic) {
		set_error("TypeError", "metacall_loader_define_value: the scope is not discover's");
		return 1;
	}
	if (name == nullptr || name[0] == '\0') {
		discovery->error = "the loader described a class or object without a name";
		return 1;
	}
	if (value == nullptr || value->magic != Value::kMagic ||
	    (value->id != METACALL_CLASS && value->id != METACALL_OBJECT)) {
		discovery->error =
		    std::string("the loader gave '") + name + "' as a value that is not a class or object";
		return 1;
	}
	const std::shared_ptr<Object> &object = value->object();
	if (object->life() == nullptr && object.use_count() == 1) // nothing else holds it yet
		object->tie(discovery->handle->life);
	if (!discovery->handle->add(name, object)) {
		discovery->error = std::string("the module defines '") + name + "' twice";
		return 1;
	}
	return 0;
}

// The reason a plug-in recorded since `before`, or a default.
std::string loader_reason(std::uint64_t before) {
	return error_generation() != before ? last_error_message() : "the loader gave no reason";
}

// Runs one load: `open` asks the plug-in for a module; then its functions are discovered and
// registered. Nothing stays loaded when any step fails.
int load(const char *api, const char *tag, const std::string &name, void **handle_out,
         const std::function<void *(const metacall_loader_interface &, void *)> &open) {
	CallScope scope(api);
	if (!scope)
		return 1;
	Runtime &runtime = Runtime::instance();
	auto loader = runtime.loader(tag, api);
	if (loader == nullptr)
		return 1;
	const metacall_loader_interface &table = loader->interface();

	std::uint64_t before = error_generation();
	void *module = open(table, loader->state());
	if (module == nullptr) {
		set_errorf("LoaderError", "%s(\"%s\", \"%s\"): %s", api, tag, name.c_str(),
		           loader_reason(before).c_str());
		return 1;
	}

	auto handle = std::make_unique<Handle>();
	handle->tag = tag;
	handle->name = name;
	handle->loader = loader;
	handle->module = module;
	handle->global = handle_out == nullptr;
	if (Value *options = current_load_options())
		handle->options = value_to_json(options, api).value_or("");
	handle->life = std::make_shared<HandleLife>(name);

	Discovery discovery{handle.get(), {}};
	before = error_generation();
	int status =
	    table.discover != nullptr ? table.discover(loader->state(), module, define_function, &discovery) : 1;
	std::string error;
	if (status != 0 || !discovery.error.empty())
		error = !discovery.error.empty() ? discovery.error : loader_reason(before);
	Handle *live = nullptr;
	if (error.empty())
		live = runtime.registry().add(std::move(handle), error);
	if (live == nullptr) {
		if (table.clear != nullptr)
			table.clear(loader->state(), module);
		set_errorf("LoaderError", "%s(\"%s\", \"%s\"): %s", api, tag, name.c_str(), error.c_str());
		return 1;
	}
	if (handle_out != nullptr)
		*handle_out = live;
	return 0;
}

} // namespace

extern "C" {

int metacall_execution_path(const char *tag, const char *path) {
	CallScope scope("metacall_execution_path");
	if (!scope)
		return 1;
	if (path == nullptr) {
		set_error("TypeError", "metacall_execution_path: the path is NULL");
		return 1;
	}
	auto loader = Runtime::instance().loader(tag, "metacall_execution_path");
	if (loader == nullptr)
		return 1;
	if (loader->interface().execution_path == nullptr) {
		set_errorf("LoaderError", "metacall_execution_path: the '%s' loader has no execution paths", tag);
		return 1;
	}
	std::uint64_t before = error_generation();
	if (loader->add_execution_path(path) != 0) { // recorded for metacall_load_from_file's search
		set_errorf("LoaderError", "metacall_execution_path(\"%s\", \"%s\"): %s", tag, path,
		           loader_reason(before).c_str());
		return 1;
	}
	return 0;
}

int metacall_load_from_file(const char *tag, const char *paths[], size_t size, void **handle) {
	const char *api = "metacall_load_from_file";
	if (paths == nullptr || size == 0) {
		set_errorf("TypeError", "%s: no paths given", api);
		return 1;
	}
	for (size_t i = 0; i < size; ++i) {
		if (paths[i] == nullptr) {
			set_errorf("TypeError", "%s: path %zu is NULL", api, i);
			return 1;
		}
	}
	return load(api, tag, paths[0], handle,
	            [&](const metacall_loader_interface &table, void *state) -> void * {
		            if (table.load_from_file == nullptr) {
			            metacall_loader_error("this loader cannot load files");
			            return nullptr;
		            }
		            // Relative paths: looked up in the working directory and the execution paths
		            // (path_search.h); a name found nowhere goes to the loader as it is.
		            std::vector<std::string> found;
		            std::vector<const char *> found_paths;
		            if (auto loader = Runtime::instance().started_loader(tag))
			            for (size_t i = 0; i < size; ++i)
				            found.push_back(find_script(*loader, paths[i]));
		            for (const std::string &path : found)
			            found_paths.push_back(path.c_str());
		            return table.load_from_file(state, found.empty() ? paths : found_paths.data(), size);
	            });
}

int metacall_load_from_memory(const char *tag, const char *buffer, size_t size, void **handle) {
	const char *api = "metacall_load_from_memory";
	if (buffer == nullptr) {
		set_errorf("TypeError", "%s: the buffer is NULL", api);
		return 1;
	}
	std::string name = Runtime::instance().next_memory_name();
	return load(api, tag, name, handle, [&](const metacall_loader_interface &table, void *state) -> void * {
		if (table.load_from_memory == nullptr) {
			metacall_loader_error("this loader cannot load code from memory");
			return nullptr;
		}
		size_t length = size;
		while (table.binary_memory == 0 && length > 0 && buffer[length - 1] == '\0')
			--length; // sizeof("...") counts the NUL
		return table.load_from_memory(state, name.c_str(), buffer, length);
	});
}

int metacall_load_from_package(const char *tag, const char *path, void **handle) {
	const char *api = "metacall_load_from_package";
	if (path == nullptr) {
		set_errorf("TypeError", "%s: the path is NULL", api);
		return 1;
	}
	return load(api, tag, path, handle, [&](const metacall_loader_interface &table, void *state) -> void * {
		if (table.load_from_package == nullptr) {
			metacall_loader_error("this loader cannot load packages");
			return nullptr;
		}
		return table.load_from_package(state, path);
	});
}

int metacall_clear(void *handle) {
	CallScope scope("metacall_clear");
	if (!scope)
		return 1;
	auto taken = Runtime::instance().registry().remove(handle);
	if (taken == nullptr) {
		set_error("ReferenceError",
		          "metacall_clear: the handle is not live (already cleared, or not a handle)");
		return 1;
	}
	int status = 0;
	const metacall_loader_interface &table = taken->loader->interface();
	if (taken->module != nullptr && table.clear != nullptr) {
		std::uint64_t before = error_generation();
		if (table.clear(taken->loader->state(), taken->module) != 0) {
			set_errorf("LoaderError", "metacall_clear(\"%s\"): %s", taken->name.c_str(),
			           loader_reason(before).c_str());
			status = 1;
		}
	}
	return status; // the functions are released as `taken` goes
}

void *metacall_handle(const char *tag, const char *name) {
	if (tag == nullptr || name == nullptr) {
		set_error("TypeError", "metacall_handle: the tag or the name is NULL");
		return nullptr;
	}
	Handle *handle = Runtime::instance().registry().find_handle(tag, name);
	if (handle == nullptr)
		set_errorf("ReferenceError", "metacall_handle: no handle named '%s' loaded by '%s'", name, tag);
	return handle;
}

void *metacall_handle_export(void *handle) {
	HandleContents contents;
	if (!Runtime::instance().registry().contents(handle, contents)) {
		set_error("ReferenceError",
		          "metacall_handle_export: the handle is not live (cleared, or not a handle)");
		return nullptr;
	}
	std::vector<const void *> tuples;
	auto add = [&](const std::string &name, void *value) {
		const void *pair[] = {metacall_value_create_string(name.data(), name.size()), value};
		tuples.push_back(metacall_value_create_array(pair, 2));
	};
	for (const auto &function : contents.functions)
		add(function->name(), Value::create_function(function));
	for (const auto &[name, object] : contents.objects)
		add(name, object_value(object));
	return metacall_value_create_map(tuples.data(), tuples.size());
}

const char *metacall_handle_name(void *handle) {
	Registry &registry = Runtime::instance().registry();
	if (!registry.is_live(handle)) {
		set_error("ReferenceError", "metacall_handle_name: the handle is not live");
		return nullptr;
	}
	return static_cast<Handle *>(handle)->name.c_str();
}

int metacall_loader_define_value(void *scope, const char *name, void *value) {
	return define_value(scope, name, value);
}

} // extern "C"
