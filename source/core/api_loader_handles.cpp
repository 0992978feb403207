// MetaCall's loader objects and host-made handles: metacall_loader, metacall_loader_types,
// metacall_handle_initialize, metacall_handle_populate, metacall_register_loaderv
// (include/metacall/metacall_startup.h).
#include "error.h"
#include "function.h"
#include "loader_types.h"
#include "runtime.h"
#include "utf8.h"

#include <metacall/metacall.h>

#include <cstdlib>
#include <cstring>

using namespace metacall_core;

namespace {

// The started loader (or the host's) that `loader` points to; nullptr after an error.
std::shared_ptr<Loader> loader_of(void *loader, const char *api) {
	Runtime &runtime = Runtime::instance();
	if (loader != nullptr) {
		if (runtime.host() != nullptr && runtime.host().get() == loader)
			return runtime.host();
		for (auto &started : runtime.started_loaders())
			if (started.get() == loader)
				return started;
	}
	set_errorf("TypeError", "%s: the loader is not a started loader (pass what metacall_loader returned)",
	           api);
	return nullptr;
}

// The host function `name` as metacall_registerv_closure makes it; nullptr after an error.
std::shared_ptr<Function> host_function(const char *name, metacall_invoke_callback invoke, void *data,
                                        ValueId return_type, size_t size, const ValueId types[],
                                        const char *api) {
	if (name == nullptr || name[0] == '\0' || invoke == nullptr) {
		set_errorf("TypeError", "%s: the name is NULL or empty, or the invoke callback is NULL", api);
		return nullptr;
	}
	if (const std::size_t bad = metacall_utf8::invalid_at(name); bad != std::strlen(name)) {
		set_errorf("TypeError", "%s: the name is not valid UTF-8 (byte %zu)", api, bad);
		return nullptr;
	}
	Signature signature;
	signature.name = name;
	signature.return_type = return_type;
	for (size_t i = 0; i < size; ++i) {
		const ValueId id = types != nullptr ? types[i] : METACALL_INVALID;
		if (!((id >= 0 && id < METACALL_SIZE) || id == METACALL_INVALID || id == METACALL_BIGINT)) {
			set_errorf("TypeError", "%s: parameter %zu of '%s' has no valid type id (%d)", api, i, name,
			           static_cast<int>(id));
			return nullptr;
		}
		signature.params.push_back(Parameter{"arg" + std::to_string(i), id});
	}
	return std::make_shared<Function>(std::move(signature), Runtime::instance().host(), invoke, data);
}

} // namespace

extern "C" {

void *metacall_loader(const char *tag) {
	CallScope scope("metacall_loader");
	if (!scope)
		return nullptr;
	Runtime &runtime = Runtime::instance();
	if (tag != nullptr && std::strcmp(tag, Loader::kHostTag) == 0)
		return runtime.host().get();
	return runtime.loader(tag, "metacall_loader").get();
}

int metacall_loader_types(const char *tag, struct metacall_loader_type **out_array, size_t *size) {
	const char *api = "metacall_loader_types";
	if (out_array != nullptr)
		*out_array = nullptr;
	if (size != nullptr)
		*size = 0;
	if (tag == nullptr || out_array == nullptr || size == nullptr) {
		set_errorf("TypeError", "%s: the tag, out_array or size is NULL", api);
		return 1;
	}
	CallScope scope(api);
	if (!scope || Runtime::instance().loader(tag, api) == nullptr)
		return 1;
	const std::vector<metacall_loader_type> *types = known_loader_types(tag);
	if (types == nullptr) {
		set_errorf("NotImplementedError", "%s: the type names of the '%s' loader are not known to the core",
		           api, tag);
		return 1;
	}
	auto *array =
	    static_cast<metacall_loader_type *>(std::malloc(types->size() * sizeof(metacall_loader_type)));
	if (array == nullptr) {
		set_errorf("MemoryError", "%s: out of memory", api);
		return 1;
	}
	std::memcpy(array, types->data(), types->size() * sizeof(metacall_loader_type));
	*out_array = array;
	*size = types->size();
	return 0;
}

int metacall_handle_initialize(void *loader, const char *name, void **handle_ptr) {
	const char *api = "metacall_handle_initialize";
	CallScope scope(api);
	if (!scope)
		return 1;
	auto owner = loader_of(loader, api);
	if (owner == nullptr)
		return 1;
	if (name == nullptr || name[0] == '\0' || handle_ptr == nullptr) {
		set_errorf("TypeError", "%s: the name is NULL or empty, or handle_ptr is NULL", api);
		return 1;
	}
	Registry &registry = Runtime::instance().registry();
	if (registry.find_handle(owner->tag(), name) != nullptr) {
		set_errorf("ReferenceError", "%s: the '%s' loader already has a handle named '%s'", api,
		           owner->tag().c_str(), name);
		return 1;
	}
	auto handle = std::make_unique<Handle>();
	handle->tag = owner->tag();
	handle->name = name;
	handle->loader = owner;
	handle->life = std::make_shared<HandleLife>(name);
	std::string error;
	Handle *live = registry.add(std::move(handle), error);
	if (live == nullptr) {
		set_errorf("ReferenceError", "%s: %s", api, error.c_str());
		return 1;
	}
	*handle_ptr = live;
	return 0;
}

int metacall_handle_populate(void *handle_dest, void *handle_src) {
	const char *api = "metacall_handle_populate";
	CallScope scope(api);
	if (!scope)
		return 1;
	Registry &registry = Runtime::instance().registry();
	HandleContents source;
	if (!registry.contents(handle_src, source)) {
		set_errorf("ReferenceError", "%s: the source handle is not live (cleared, or not a handle)", api);
		return 1;
	}
	// Forwarding copies: clearing the destination does not unload the source's functions.
	for (auto &function : source.functions)
		function = Function::bind(function, function->closure());
	std::string error;
	if (!registry.add_to(handle_dest, source, error)) {
		set_errorf("ReferenceError", "%s: %s", api, error.c_str());
		return 1;
	}
	return 0;
}

int metacall_register_loaderv(void *loader, void *handle, const char *name,
                              void *(*invoke)(size_t, void *[], void *), enum metacall_value_id return_type,
                              size_t size, enum metacall_value_id types[], void *data) {
	const char *api = "metacall_register_loaderv";
	CallScope scope(api);
	if (!scope || loader_of(loader, api) == nullptr)
		return 1;
	if (handle == nullptr)
		return metacall_registerv_closure(name, invoke, data, nullptr, return_type, size, types);
	auto function = host_function(name, invoke, data, return_type, size, types, api);
	if (function == nullptr)
		return 1;
	HandleContents contents;
	contents.functions.push_back(std::move(function));
	std::string error;
	if (!Runtime::instance().registry().add_to(handle, contents, error)) {
		set_errorf("ReferenceError", "%s: %s", api, error.c_str());
		return 1;
	}
	return 0;
}

} // extern "C"
