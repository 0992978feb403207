// Services the core offers to loader plug-ins beyond the value API (see metacall_loader.h).
#include "error.h"
#include "function.h"
#include "object.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall_loader.h>

using namespace metacall_core;

namespace {

// The started loader `tag` a plug-in makes a value for; nullptr after recording why not.
std::shared_ptr<Loader> started(const char *tag, const char *api) {
	auto loader = Runtime::instance().started_loader(tag);
	if (loader == nullptr)
		set_errorf("LoaderError", "%s: the '%s' loader is not started", api, tag);
	return loader;
}

} // namespace

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
	auto loader = started(tag, api);
	if (loader == nullptr)
		return nullptr;
	return Value::create_function(
	    std::make_shared<Function>(signature_from(*function), loader, function->data));
}

extern "C" void *metacall_loader_object_value(const char *tag, enum metacall_value_id kind,
                                              const char *class_name,
                                              const struct metacall_object_interface *iface, void *data) {
	const char *api = "metacall_loader_object_value";
	if (tag == nullptr || (kind != METACALL_CLASS && kind != METACALL_OBJECT)) {
		set_errorf("TypeError", "%s: the tag is NULL or the kind is not METACALL_CLASS or METACALL_OBJECT",
		           api);
		return nullptr;
	}
	CallScope scope(api);
	if (!scope)
		return nullptr;
	auto loader = started(tag, api);
	return loader != nullptr ? object_value(kind, class_name, std::move(loader), iface, data, api) : nullptr;
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
