// Classes and objects: MetaCall's class and object calls, and host objects.
#include "error.h"
#include "object.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall.h>

using namespace metacall_core;

namespace {

// The result of a call converted to `ret` (metacallt_class, metacallt_object): numbers of another
// width are cast (checked); another type is a TypeError. Takes `result`.
void *typed(void *result, ValueId ret, const char *method) {
	if (result == nullptr || ret == METACALL_INVALID)
		return result;
	auto *value = static_cast<Value *>(result);
	if (value->id == ret || value->id == METACALL_THROWABLE)
		return result;
	if (is_number(value->id) && is_number(ret))
		if (void *cast = metacall_value_cast(result, ret))
			return cast;
	const ValueId got = value->id;
	destroy_value(result);
	return make_throwable("TypeError", std::string("method '") + method + "' returned a " +
	                                       metacall_value_id_name(got) + ", expected a " +
	                                       metacall_value_id_name(ret));
}

bool named(const char *name, const char *what, const char *api) {
	if (name != nullptr)
		return true;
	set_errorf("TypeError", "%s: the %s is NULL", api, what);
	return false;
}

// A class or object of the global scope or of `handle`; nullptr after recording why not.
Object *lookup(void *handle, bool in_handle, const char *name, ValueId kind, const char *api) {
	if (!named(name, kind == METACALL_CLASS ? "class name" : "object name", api))
		return nullptr;
	Runtime &runtime = Runtime::instance();
	if (!runtime.running()) {
		runtime.refuse(api);
		return nullptr;
	}
	bool live = true;
	auto object =
	    in_handle ? runtime.registry().find_object(handle, name, live) : runtime.registry().find_object(name);
	const char *what = kind == METACALL_CLASS ? "class" : "object";
	if (!live) {
		set_errorf("ReferenceError", "%s: the handle is not live (cleared, or not a handle)", api);
		return nullptr;
	}
	if (object == nullptr || object->kind() != kind) {
		if (in_handle)
			set_errorf("ReferenceError", "%s: the handle '%s' has no %s named '%s'", api,
			           static_cast<Handle *>(handle)->name.c_str(), what, name);
		else
			set_errorf("ReferenceError", "%s: no %s named '%s' in the global scope", api, what, name);
		return nullptr;
	}
	return object.get(); // borrowed: the handle keeps it
}

} // namespace

extern "C" {

void *metacall_class(const char *name) {
	return lookup(nullptr, false, name, METACALL_CLASS, "metacall_class");
}

void *metacall_handle_class(void *handle, const char *name) {
	return lookup(handle, true, name, METACALL_CLASS, "metacall_handle_class");
}

void *metacall_object(const char *name) {
	return lookup(nullptr, false, name, METACALL_OBJECT, "metacall_object");
}

void *metacallv_class(void *cls, const char *name, void *args[], size_t size) {
	const char *api = "metacallv_class";
	Object *object = Object::from(cls, METACALL_CLASS, api);
	return object != nullptr && named(name, "method name", api) ? object->call(name, args, size, api)
	                                                            : nullptr;
}

void *metacallt_class(void *cls, const char *name, const enum metacall_value_id ret, void *args[],
                      size_t size) {
	const char *api = "metacallt_class";
	Object *object = Object::from(cls, METACALL_CLASS, api);
	if (object == nullptr || !named(name, "method name", api))
		return nullptr;
	return typed(object->call(name, args, size, api), ret, name);
}

void *metacall_class_new(void *cls, const char * /* name: MetaCall's, unused */, void *args[], size_t size) {
	const char *api = "metacall_class_new";
	Object *object = Object::from(cls, METACALL_CLASS, api);
	return object != nullptr ? object->construct(args, size, api) : nullptr;
}

void *metacall_class_static_get(void *cls, const char *key) {
	const char *api = "metacall_class_static_get";
	Object *object = Object::from(cls, METACALL_CLASS, api);
	return object != nullptr && named(key, "key", api) ? object->get(key, api) : nullptr;
}

int metacall_class_static_set(void *cls, const char *key, void *v) {
	const char *api = "metacall_class_static_set";
	Object *object = Object::from(cls, METACALL_CLASS, api);
	return object != nullptr && named(key, "key", api) ? object->set(key, v, api) : 1;
}

void *metacallv_object(void *obj, const char *name, void *args[], size_t size) {
	const char *api = "metacallv_object";
	Object *object = Object::from(obj, METACALL_OBJECT, api);
	return object != nullptr && named(name, "method name", api) ? object->call(name, args, size, api)
	                                                            : nullptr;
}

void *metacallt_object(void *obj, const char *name, const enum metacall_value_id ret, void *args[],
                       size_t size) {
	const char *api = "metacallt_object";
	Object *object = Object::from(obj, METACALL_OBJECT, api);
	if (object == nullptr || !named(name, "method name", api))
		return nullptr;
	return typed(object->call(name, args, size, api), ret, name);
}

void *metacall_object_get(void *obj, const char *key) {
	const char *api = "metacall_object_get";
	Object *object = Object::from(obj, METACALL_OBJECT, api);
	return object != nullptr && named(key, "key", api) ? object->get(key, api) : nullptr;
}

int metacall_object_set(void *obj, const char *key, void *v) {
	const char *api = "metacall_object_set";
	Object *object = Object::from(obj, METACALL_OBJECT, api);
	return object != nullptr && named(key, "key", api) ? object->set(key, v, api) : 1;
}

void *metacall_object_keys(void *obj) {
	Object *object = Object::from(obj, METACALL_INVALID, "metacall_object_keys");
	return object != nullptr ? object->keys("metacall_object_keys") : nullptr;
}

const char *metacall_object_class_name(void *obj) {
	Object *object = Object::from(obj, METACALL_INVALID, "metacall_object_class_name");
	return object != nullptr ? object->class_name().c_str() : nullptr;
}

const char *metacall_object_loader_tag(void *obj) {
	Object *object = Object::from(obj, METACALL_INVALID, "metacall_object_loader_tag");
	return object != nullptr ? object->loader_tag() : nullptr;
}

void *metacall_value_create_host_object(const char *class_name, const struct metacall_object_interface *iface,
                                        void *data) {
	return object_value(METACALL_OBJECT, class_name, nullptr, iface, data,
	                    "metacall_value_create_host_object");
}

void *metacall_value_create_host_class(const char *class_name, const struct metacall_object_interface *iface,
                                       void *data) {
	return object_value(METACALL_CLASS, class_name, nullptr, iface, data, "metacall_value_create_host_class");
}

void *metacall_object_data(void *v, const struct metacall_object_interface *iface) {
	if (v == nullptr)
		return nullptr;
	Object *object = nullptr;
	auto *value = static_cast<Value *>(v);
	if (value->magic == Value::kMagic) {
		if (value->id == METACALL_CLASS || value->id == METACALL_OBJECT)
			object = value->object().get();
	} else {
		object = Object::peek(v);
	}
	return object != nullptr && object->iface() == iface ? object->data() : nullptr;
}

} // extern "C"
