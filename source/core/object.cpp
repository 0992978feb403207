#include "object.h"

#include "error.h"
#include "function.h"
#include "loader.h"
#include "runtime.h"
#include "value.h"

#include <algorithm>

namespace metacall_core {
namespace {

const char *kind_name(ValueId kind) {
	return kind == METACALL_CLASS ? "class" : "object";
}

// A host's `methods` answer (an array value of strings, taken) as names.
std::vector<std::string> names_of(void *array) {
	std::vector<std::string> names;
	auto *value = static_cast<Value *>(array);
	if (value != nullptr && value->magic == Value::kMagic && value->id == METACALL_ARRAY)
		for (void *item : value->slots()) {
			auto *name = static_cast<Value *>(item);
			if (name != nullptr && name->id == METACALL_STRING)
				names.push_back(name->bytes());
		}
	destroy_value(array);
	return names;
}

// What an owner's entry returned: a value, or NULL for null. A pointer that is not a value (a
// host bug) becomes a TypeError instead of reaching a caller that would read it as one. `entry`
// and `method` name it then ("get", or "method" and its name).
void *checked(void *result, const char *entry, const char *method = nullptr) {
	if (result == nullptr)
		return Value::create(METACALL_NULL);
	if (static_cast<Value *>(result)->magic == Value::kMagic) [[likely]]
		return result;
	return make_throwable("TypeError", std::string(entry) +
	                                       (method != nullptr ? std::string(" '") + method + "'" : "") +
	                                       " returned a pointer that is not a value");
}

// A host method seen as a function: calling it calls the object's `call` entry.
struct MethodBinding {
	std::shared_ptr<Object> object;
	std::string method;
};

void *call_bound_method(size_t argc, void *argv[], void *data) {
	auto *binding = static_cast<MethodBinding *>(data);
	void *result = binding->object->call(binding->method.c_str(), argv, argc, "method call");
	return result != nullptr ? result : make_throwable("ReferenceError", last_error_message());
}

} // namespace

Object::Object(ValueId kind, std::string class_name, std::shared_ptr<Loader> loader,
               const metacall_object_interface *iface, void *data)
    : kind_(kind), class_name_(std::move(class_name)), loader_(std::move(loader)), iface_(iface),
      data_(data) {
	if (loader_ == nullptr && iface_->methods != nullptr)
		methods_ = names_of(iface_->methods(data_));
}

Object::~Object() {
	magic_ = 0;
	if (iface_->release == nullptr)
		return;
	if (loader_ == nullptr) { // the host's: always released
		iface_->release(data_);
		return;
	}
	if (!loader_->active())
		return; // the loader's destroy released it
	// Inside a call scope, so metacall_destroy waits for it before stopping the loader.
	CallScope scope(nullptr);
	if (scope && loader_->active())
		iface_->release(data_);
}

Object *Object::from(void *o, ValueId kind, const char *api) {
	auto *object = static_cast<Object *>(o);
	if (object != nullptr && object->magic_ == kMagic && (kind == METACALL_INVALID || object->kind_ == kind))
		return object;
	const char *expected = kind == METACALL_CLASS    ? "class"
	                       : kind == METACALL_OBJECT ? "object"
	                                                 : "class or object";
	if (object == nullptr)
		set_errorf("TypeError", "%s: the %s is NULL", api, expected);
	else if (object->magic_ == kMagic)
		set_errorf("TypeError", "%s: expected a %s, got an %s", api, expected, kind_name(object->kind_));
	else if (static_cast<Value *>(o)->magic == Value::kMagic)
		set_errorf("TypeError",
		           "%s: the pointer is a value, not a %s (pass metacall_value_to_class(value) or "
		           "metacall_value_to_object(value))",
		           api, expected);
	else
		set_errorf("TypeError",
		           "%s: the pointer is not a %s (pass metacall_class(name), metacall_value_to_class(value) "
		           "or metacall_value_to_object(value), not a value)",
		           api, expected);
	return nullptr;
}

std::string Object::describe_self() const {
	if (class_name_.empty())
		return kind_ == METACALL_CLASS ? "the class" : "the object";
	return kind_ == METACALL_CLASS ? "class '" + class_name_ + "'" : "object of class '" + class_name_ + "'";
}

bool Object::usable(const char *api) const {
	if (life_ != nullptr && !life_->alive.load(std::memory_order_acquire)) {
		set_errorf("ReferenceError", "%s: %s was loaded by handle '%s', which was cleared", api,
		           describe_self().c_str(), life_->name.c_str());
		return false;
	}
	if (loader_ != nullptr && !loader_->active()) {
		set_errorf("ReferenceError",
		           "%s: %s belongs to the '%s' loader, which is stopped (metacall_destroy ran)", api,
		           describe_self().c_str(), loader_->tag().c_str());
		return false;
	}
	return true;
}

void *Object::missing(const char *what, const char *key) const {
	return make_throwable("AttributeError", describe_self() + " has no " + what + " '" + key + "'");
}

void *Object::bound_method(const char *method) {
	auto binding = std::make_shared<MethodBinding>(MethodBinding{shared_from_this(), method});
	Signature signature;
	signature.name = class_name_.empty() ? method : class_name_ + "." + method;
	signature.is_variadic = true;
	auto function = std::make_shared<Function>(std::move(signature), Runtime::instance().host(),
	                                           call_bound_method, binding.get());
	function->keep(std::move(binding));
	return Value::create_function(std::move(function));
}

void *Object::get(const char *key, const char *api) {
	CallScope scope(api);
	if (!scope || !usable(api))
		return nullptr;
	void *result = iface_->get != nullptr ? iface_->get(data_, key) : nullptr;
	if (result != nullptr)
		return checked(result, "get");
	if (std::find(methods_.begin(), methods_.end(), key) != methods_.end())
		return bound_method(key);
	return missing("attribute", key);
}

int Object::set(const char *key, void *value, const char *api) {
	CallScope scope(api);
	if (!scope || !usable(api))
		return 1;
	if (Value::from(value, api) == nullptr)
		return 1;
	if (iface_->set == nullptr) {
		set_errorf("TypeError", "%s: %s is read-only (cannot set '%s')", api, describe_self().c_str(), key);
		return 1;
	}
	void *failure = iface_->set(data_, key, value);
	if (failure == nullptr)
		return 0;
	auto *thrown = static_cast<Value *>(failure);
	metacall_exception_type error{};
	if (thrown->magic == Value::kMagic && metacall_error_from_value(failure, &error) == 0)
		set_errorf(error.label != nullptr && error.label[0] != '\0' ? error.label : "Error",
		           "%s: setting '%s' of %s failed: %s", api, key, describe_self().c_str(), error.message);
	else
		set_errorf("TypeError", "%s: setting '%s' of %s failed", api, key, describe_self().c_str());
	if (thrown->magic == Value::kMagic)
		destroy_value(failure);
	return 1;
}

void *Object::call(const char *method, void *args[], std::size_t size, const char *api) {
	CallScope scope(api);
	if (!scope || !usable(api))
		return nullptr;
	if (size > 0 && args == nullptr) {
		set_errorf("TypeError", "%s: method '%s' called with %zu arguments but args is NULL", api, method,
		           size);
		return nullptr;
	}
	for (std::size_t i = 0; i < size; ++i)
		if (Value::from(args[i], api) == nullptr)
			return nullptr;
	if (iface_->call == nullptr)
		return missing("method", method);
	void *result = checked(iface_->call(data_, method, args, size), "method", method);
	if (life_ != nullptr)
		tie_result(result, life_);
	return result;
}

void *Object::construct(void *args[], std::size_t size, const char *api) {
	CallScope scope(api);
	if (!scope || !usable(api))
		return nullptr;
	if (size > 0 && args == nullptr) {
		set_errorf("TypeError", "%s: %zu constructor arguments but args is NULL", api, size);
		return nullptr;
	}
	for (std::size_t i = 0; i < size; ++i)
		if (Value::from(args[i], api) == nullptr)
			return nullptr;
	if (iface_->construct == nullptr)
		return make_throwable("TypeError", describe_self() + " cannot be instantiated");
	void *result = checked(iface_->construct(data_, args, size), "constructor");
	if (life_ != nullptr)
		tie_result(result, life_);
	return result;
}

void *Object::keys(const char *api) {
	CallScope scope(api);
	if (!scope || !usable(api))
		return nullptr;
	std::vector<const void *> names;
	if (iface_->keys != nullptr) {
		void *listed = iface_->keys(data_);
		auto *value = static_cast<Value *>(listed);
		if (value != nullptr && value->magic == Value::kMagic && value->id == METACALL_THROWABLE) {
			metacall_exception_type error{};
			metacall_error_from_value(listed, &error);
			set_errorf("Error", "%s: listing the keys of %s failed: %s", api, describe_self().c_str(),
			           error.message);
			destroy_value(listed);
			return nullptr;
		}
		for (const std::string &name : names_of(listed))
			names.push_back(Value::create_bytes(METACALL_STRING, name.data(), name.size()));
	}
	for (const std::string &name : methods_)
		names.push_back(Value::create_bytes(METACALL_STRING, name.data(), name.size()));
	return Value::create_slots(METACALL_ARRAY, names.data(), names.size());
}

void *Object::describe() {
	CallScope scope(nullptr);
	if (!scope || !usable("metacall_inspect") || iface_->describe == nullptr)
		return nullptr;
	void *description = iface_->describe(data_);
	auto *value = static_cast<Value *>(description);
	if (value != nullptr && value->magic == Value::kMagic && value->id == METACALL_MAP)
		return description;
	if (value != nullptr && value->magic == Value::kMagic)
		destroy_value(description);
	return nullptr;
}

const char *Object::loader_tag() const {
	return loader_ != nullptr ? loader_->tag().c_str() : nullptr;
}

void *object_value(std::shared_ptr<Object> object) {
	const ValueId kind = object->kind();
	return Value::create_object(kind, std::move(object));
}

void *object_value(ValueId kind, const char *class_name, std::shared_ptr<Loader> loader,
                   const metacall_object_interface *iface, void *data, const char *api) {
	if (iface == nullptr) {
		set_errorf("TypeError", "%s: the interface is NULL", api);
		return nullptr;
	}
	if (kind == METACALL_CLASS && iface->construct == nullptr && loader == nullptr) {
		set_errorf("TypeError", "%s: a host class needs a construct callback", api);
		return nullptr;
	}
	return object_value(std::make_shared<Object>(kind, class_name != nullptr ? class_name : "",
	                                             std::move(loader), iface, data));
}

void tie_result(void *result, const std::shared_ptr<HandleLife> &life) {
	auto *value = static_cast<Value *>(result);
	if (value->id != METACALL_OBJECT && value->id != METACALL_CLASS)
		return;
	const std::shared_ptr<Object> &object = value->object();
	if (object->life() == nullptr && object.use_count() == 1)
		object->tie(life);
}

} // namespace metacall_core
