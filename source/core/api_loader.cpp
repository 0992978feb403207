// Services the core offers to loader plug-ins beyond the value API (see metacall_loader.h).
#include "error.h"
#include "function.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall_loader.h>

using namespace metacall_core;

extern "C" void *metacall_loader_function_value(const char *tag,
                                                const struct metacall_loader_function *function) {
	const char *api = "metacall_loader_function_value";
	if (tag == nullptr || function == nullptr) {
		set_errorf("TypeError", "%s: the tag or the function description is NULL", api);
		return nullptr;
	}
	CallScope scope(api);
	if (!scope)
		return nullptr;
	auto loader = Runtime::instance().started_loader(tag);
	if (loader == nullptr) {
		set_errorf("LoaderError", "%s: the '%s' loader is not started", api, tag);
		return nullptr;
	}
	return Value::create_function(
	    std::make_shared<Function>(signature_from(*function), loader, function->data));
}

extern "C" const void *metacall_value_scalar(void *v, enum metacall_value_id *id) {
	auto *value = static_cast<Value *>(v);
	if (value == nullptr || value->magic != Value::kMagic) {
		*id = METACALL_INVALID;
		return nullptr;
	}
	*id = value->id;
	return is_number(value->id) || value->id == METACALL_PTR ? &value->scalar : nullptr;
}
