// metacall_register, metacall_registerv: host functions callable from every loader.
#include "async_host.h"
#include "error.h"
#include "function.h"
#include "runtime.h"
#include "utf8.h"

#include <metacall/metacall.h>

#include <cstdarg>
#include <cstring>
#include <functional>
#include <vector>

using namespace metacall_core;

namespace {

bool valid_type(ValueId id) {
	return (id >= 0 && id < METACALL_SIZE) || id == METACALL_INVALID || id == METACALL_BIGINT;
}

// The declared parameter types: `size` of METACALL_INVALID (undeclared) when `types` is NULL.
std::vector<ValueId> parameter_types(size_t size, const ValueId types[]) {
	return types != nullptr ? std::vector<ValueId>(types, types + size)
	                        : std::vector<ValueId>(size, METACALL_INVALID);
}

// An async register call without a callback: refused before anything is made.
int no_callback(const char *api, const char *name) {
	set_errorf("TypeError", "%s: the invoke callback of '%s' is NULL", api,
	           name != nullptr ? name : "(anonymous)");
	return 1;
}

// Makes an async host function of a signature (metacall_registerv_async, metacall_registerv_pool).
using MakeAsync = std::function<std::shared_ptr<Function>(Signature, const std::shared_ptr<Loader> &)>;

int register_host(const char *name, metacall_invoke_callback invoke, void *data, void **func,
                  ValueId return_type, const std::vector<ValueId> &types, const char *api,
                  const MakeAsync &make_async = nullptr) {
	CallScope scope(api);
	if (!scope)
		return 1;
	if (invoke == nullptr && make_async == nullptr) {
		set_errorf("TypeError", "%s: the invoke callback of '%s' is NULL", api,
		           name != nullptr ? name : "(anonymous)");
		return 1;
	}
	if (name != nullptr && name[0] == '\0') {
		set_errorf("TypeError", "%s: the name is empty (pass NULL for an anonymous function)", api);
		return 1;
	}
	// A name is how every language finds the function: it must be text they all can hold.
	if (name != nullptr)
		if (const std::size_t bad = metacall_utf8::invalid_at(name); bad != std::strlen(name)) {
			set_errorf("TypeError", "%s: the name is not valid UTF-8 (byte %zu)", api, bad);
			return 1;
		}
	Signature signature;
	signature.name = name != nullptr ? name : "";
	signature.return_type = return_type;
	for (std::size_t i = 0; i < types.size(); ++i) {
		if (!valid_type(types[i])) {
			set_errorf("TypeError", "%s: parameter %zu of '%s' has no valid type id (%d)", api, i,
			           signature.name.c_str(), static_cast<int>(types[i]));
			return 1;
		}
		signature.params.push_back(Parameter{"arg" + std::to_string(i), types[i]});
	}
	Runtime &runtime = Runtime::instance();
	signature.is_async = make_async != nullptr;
	auto function = make_async != nullptr
	                    ? make_async(std::move(signature), runtime.host())
	                    : std::make_shared<Function>(std::move(signature), runtime.host(), invoke, data);
	Function *raw = function.get();
	std::string error;
	if (!runtime.registry().add_host(std::move(function), name != nullptr, runtime.host(), error)) {
		set_errorf("ReferenceError", "%s: %s", api, error.c_str());
		return 1;
	}
	if (func != nullptr)
		*func = raw;
	return 0;
}

} // namespace

extern "C" {

int metacall_register(const char *name, void *(*invoke)(size_t, void *[], void *), void **func,
                      enum metacall_value_id return_type, size_t size, ...) {
	std::vector<ValueId> types(size);
	va_list args;
	va_start(args, size);
	for (auto &type : types)
		type = static_cast<ValueId>(va_arg(args, int)); // enums arrive promoted to int
	va_end(args);
	return register_host(name, invoke, nullptr, func, return_type, types, "metacall_register");
}

int metacall_registerv(const char *name, void *(*invoke)(size_t, void *[], void *), void **func,
                       enum metacall_value_id return_type, size_t size, enum metacall_value_id types[]) {
	return register_host(name, invoke, nullptr, func, return_type, parameter_types(size, types),
	                     "metacall_registerv");
}

int metacall_registerv_closure(const char *name, metacall_invoke_callback invoke, void *data, void **func,
                               enum metacall_value_id return_type, size_t size,
                               enum metacall_value_id types[]) {
	return register_host(name, invoke, data, func, return_type, parameter_types(size, types),
	                     "metacall_registerv_closure");
}

int metacall_registerv_async(const char *name, metacall_async_invoke_callback invoke, void *data, void **func,
                             enum metacall_value_id return_type, size_t size,
                             enum metacall_value_id types[]) {
	const char *api = "metacall_registerv_async";
	if (invoke == nullptr)
		return no_callback(api, name);
	return register_host(name, nullptr, data, func, return_type, parameter_types(size, types), api,
	                     [invoke, data](Signature signature, const std::shared_ptr<Loader> &host) {
		                     return std::make_shared<Function>(std::move(signature), host, invoke, data);
	                     });
}

int metacall_registerv_pool(const char *name, metacall_invoke_callback invoke, void *data, void **func,
                            enum metacall_value_id return_type, size_t size, enum metacall_value_id types[]) {
	const char *api = "metacall_registerv_pool";
	if (invoke == nullptr)
		return no_callback(api, name);
	return register_host(name, nullptr, data, func, return_type, parameter_types(size, types), api,
	                     [invoke, data](Signature signature, const std::shared_ptr<Loader> &host) {
		                     return std::make_shared<Function>(std::move(signature), host, invoke, data,
		                                                       true);
	                     });
}

int metacall_pool_size(size_t threads) {
	WorkerPool::instance().resize(threads);
	return 0;
}

int metacall_pool_cancelled(void) {
	Future *future = WorkerPool::current();
	return future != nullptr && future->cancelled() ? 1 : 0;
}

} // extern "C"
