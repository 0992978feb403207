// Every call family, and what can be asked of a function.
#include "error.h"
#include "function.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall.h>

#include <cstdarg>
#include <cstring>
#include <string>

using namespace metacall_core;

namespace {

// The handle family's counterpart of a call by name, for errors that suggest it.
const char *handle_api(const char *api) {
	if (std::strcmp(api, "metacall_function") == 0)
		return "metacall_handle_function";
	if (std::strcmp(api, "metacallv") == 0)
		return "metacallhv";
	return "metacallhv_s";
}

std::shared_ptr<Function> lookup(const char *name, const char *api) {
	if (name == nullptr) {
		set_errorf("TypeError", "%s: the function name is NULL", api);
		return nullptr;
	}
	Runtime &runtime = Runtime::instance();
	if (!runtime.running()) {
		runtime.refuse(api);
		return nullptr;
	}
	auto function = runtime.registry().find(name);
	if (function != nullptr)
		return function;
	// Loading into a handle keeps names out of the global scope: say where the name is.
	const std::string owner = runtime.registry().handle_with(name);
	if (owner.empty())
		set_errorf("ReferenceError", "%s: no function named '%s' in the global scope", api, name);
	else
		set_errorf("ReferenceError",
		           "%s: no function named '%s' in the global scope (handle '%s' has one: call it through "
		           "the handle, %s)",
		           api, name, owner.c_str(), handle_api(api));
	return nullptr;
}

std::shared_ptr<Function> lookup(void *handle, const char *name, const char *api) {
	if (name == nullptr) {
		set_errorf("TypeError", "%s: the function name is NULL", api);
		return nullptr;
	}
	bool live = false;
	auto function = Runtime::instance().registry().find(handle, name, live);
	if (!live)
		set_errorf("ReferenceError", "%s: the handle is not live (cleared, or not a handle)", api);
	else if (function == nullptr)
		set_errorf("ReferenceError", "%s: the handle '%s' has no function named '%s'", api,
		           static_cast<Handle *>(handle)->name.c_str(), name);
	return function;
}

// Builds one value from the next C argument, read as type `id`. Value arguments are borrowed:
// `owned` says whether the caller must destroy what is returned.
void *value_from_vararg(ValueId id, va_list &args, bool &owned) {
	owned = true;
	switch (id) {
	case METACALL_BOOL:
		return metacall_value_create_bool(static_cast<boolean>(va_arg(args, int)));
	case METACALL_CHAR:
		return metacall_value_create_char(static_cast<char>(va_arg(args, int)));
	case METACALL_SHORT:
		return metacall_value_create_short(static_cast<short>(va_arg(args, int)));
	case METACALL_INT:
		return metacall_value_create_int(va_arg(args, int));
	case METACALL_LONG:
		return metacall_value_create_long(va_arg(args, long));
	case METACALL_FLOAT:
		return metacall_value_create_float(static_cast<float>(va_arg(args, double)));
	case METACALL_DOUBLE:
		return metacall_value_create_double(va_arg(args, double));
	case METACALL_STRING: {
		const char *text = va_arg(args, const char *);
		return text != nullptr ? metacall_value_create_string(text, std::strlen(text)) : nullptr;
	}
	case METACALL_PTR:
		return metacall_value_create_ptr(va_arg(args, void *));
	case METACALL_NULL:
		(void)va_arg(args, void *);
		return metacall_value_create_null();
	case METACALL_ARRAY:
	case METACALL_MAP:
	case METACALL_FUTURE:
	case METACALL_FUNCTION:
	case METACALL_EXCEPTION:
	case METACALL_THROWABLE:
		owned = false;
		return va_arg(args, void *);
	default:
		return nullptr;
	}
}

// Calls `function` with `size` C arguments typed by `ids` (or, when NULL, by its signature).
void *call_varargs(Function &function, const ValueId *ids, std::size_t size, va_list args, const char *api) {
	const auto &params = function.signature().params;
	std::vector<void *> values(size, nullptr);
	std::vector<bool> owned(size, false);
	std::string error;
	va_list cursor; // a local copy: a va_list parameter cannot be bound by reference
	va_copy(cursor, args);
	for (std::size_t i = 0; i < size && error.empty(); ++i) {
		ValueId id = ids != nullptr ? ids[i] : i < params.size() ? params[i].type : METACALL_INVALID;
		bool own = false;
		void *value = value_from_vararg(id, cursor, own);
		if (value == nullptr)
			error = id == METACALL_INVALID
			            ? "parameter " + std::to_string(i) + " of '" + function.name() +
			                  "' has no declared type; call it with metacallt or metacallv"
			            : std::string("argument ") + std::to_string(i) + " of '" + function.name() +
			                  "' cannot be passed as a C argument of type " + metacall_value_id_name(id) +
			                  " (NULL, or a type that needs metacallv)";
		values[i] = value;
		owned[i] = own;
	}
	va_end(cursor);
	void *result = nullptr;
	if (error.empty())
		result = function.call(values.data(), size, api);
	else
		set_errorf("TypeError", "%s: %s", api, error.c_str());
	for (std::size_t i = 0; i < size; ++i)
		if (owned[i])
			metacall_value_destroy(values[i]);
	return result;
}

std::size_t arity(const Function &function) {
	return function.signature().params.size();
}

} // namespace

extern "C" {

void *metacall(const char *name, ...) {
	auto function = lookup(name, "metacall");
	if (function == nullptr)
		return nullptr;
	va_list args;
	va_start(args, name);
	void *result = call_varargs(*function, nullptr, arity(*function), args, "metacall");
	va_end(args);
	return result;
}

void *metacallt(const char *name, const enum metacall_value_id ids[], ...) {
	auto function = lookup(name, "metacallt");
	if (function == nullptr)
		return nullptr;
	if (ids == nullptr && arity(*function) > 0) {
		set_error("TypeError", "metacallt: the type ids are NULL");
		return nullptr;
	}
	va_list args;
	va_start(args, ids);
	void *result = call_varargs(*function, ids, arity(*function), args, "metacallt");
	va_end(args);
	return result;
}

void *metacallt_s(const char *name, const enum metacall_value_id ids[], size_t size, ...) {
	auto function = lookup(name, "metacallt_s");
	if (function == nullptr)
		return nullptr;
	if (ids == nullptr && size > 0) {
		set_error("TypeError", "metacallt_s: the type ids are NULL");
		return nullptr;
	}
	va_list args;
	va_start(args, size);
	void *result = call_varargs(*function, ids, size, args, "metacallt_s");
	va_end(args);
	return result;
}

// metacallht_s is declared in metacall_compat.h: metacallt_s on a handle's function.
void *metacallht_s(void *handle, const char *name, const enum metacall_value_id ids[], size_t size, ...) {
	auto function = lookup(handle, name, "metacallht_s");
	if (function == nullptr)
		return nullptr;
	if (ids == nullptr && size > 0) {
		set_error("TypeError", "metacallht_s: the type ids are NULL");
		return nullptr;
	}
	va_list args;
	va_start(args, size);
	void *result = call_varargs(*function, ids, size, args, "metacallht_s");
	va_end(args);
	return result;
}

void *metacallv(const char *name, void *args[]) {
	auto function = lookup(name, "metacallv");
	return function != nullptr ? function->call(args, arity(*function), "metacallv") : nullptr;
}

void *metacallv_s(const char *name, void *args[], size_t size) {
	auto function = lookup(name, "metacallv_s");
	return function != nullptr ? function->call(args, size, "metacallv_s") : nullptr;
}

void *metacallhv(void *handle, const char *name, void *args[]) {
	auto function = lookup(handle, name, "metacallhv");
	return function != nullptr ? function->call(args, arity(*function), "metacallhv") : nullptr;
}

void *metacallhv_s(void *handle, const char *name, void *args[], size_t size) {
	auto function = lookup(handle, name, "metacallhv_s");
	return function != nullptr ? function->call(args, size, "metacallhv_s") : nullptr;
}

void *metacallfv(void *func, void *args[]) {
	Function *function = Function::from(func, "metacallfv");
	return function != nullptr ? function->call(args, arity(*function), "metacallfv") : nullptr;
}

void *metacallfv_s(void *func, void *args[], size_t size) {
	Function *function = Function::from(func, "metacallfv_s");
	return function != nullptr ? function->call(args, size, "metacallfv_s") : nullptr;
}

void *metacallf(void *func, ...) {
	Function *function = Function::from(func, "metacallf");
	if (function == nullptr)
		return nullptr;
	va_list args;
	va_start(args, func);
	void *result = call_varargs(*function, nullptr, arity(*function), args, "metacallf");
	va_end(args);
	return result;
}

void *metacall_function(const char *name) {
	return lookup(name, "metacall_function").get();
}

void *metacall_handle_function(void *handle, const char *name) {
	return lookup(handle, name, "metacall_handle_function").get();
}

size_t metacall_function_size(void *func) {
	Function *function = Function::from(func, "metacall_function_size");
	return function != nullptr ? arity(*function) : 0;
}

const char *metacall_function_loader_tag(void *func) {
	Function *function = Function::from(func, "metacall_function_loader_tag");
	return function != nullptr ? function->loader_tag() : nullptr;
}

int metacall_function_async(void *func) {
	Function *function = Function::from(func, "metacall_function_async");
	return function != nullptr ? (function->signature().is_async ? 1 : 0) : -1;
}

int metacall_function_parameter_type(void *func, size_t parameter, enum metacall_value_id *id) {
	Function *function = Function::from(func, "metacall_function_parameter_type");
	if (function == nullptr || id == nullptr)
		return 1;
	if (parameter >= arity(*function)) {
		set_errorf("RangeError", "metacall_function_parameter_type: '%s' has %zu parameters, asked for %zu",
		           function->name().c_str(), arity(*function), parameter);
		return 1;
	}
	*id = function->signature().params[parameter].type;
	return 0;
}

int metacall_function_return_type(void *func, enum metacall_value_id *id) {
	Function *function = Function::from(func, "metacall_function_return_type");
	if (function == nullptr || id == nullptr)
		return 1;
	*id = function->signature().return_type;
	return 0;
}

} // extern "C"
