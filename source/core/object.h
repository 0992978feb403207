// A class or an object of a loader or of the host: what the class and object API calls.
#pragma once

#include <metacall/metacall.h>
#include <metacall/metacall_object.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace metacall_core {

// The C enum's name is hidden in C++ by the function metacall_value_id().
using ValueId = enum metacall_value_id;

class Loader;

// Whether the handle that brought something in is still loaded; shared by what came from it.
struct HandleLife {
	explicit HandleLife(std::string handle_name) : name(std::move(handle_name)) {}
	std::atomic<bool> alive{true};
	const std::string name;
	// metacall_handle_limits: the time limit of each call of its functions, in ms (0: none).
	std::atomic<unsigned long> timeout_ms{0};
};

class Object : public std::enable_shared_from_this<Object> {
public:
	static constexpr std::uint32_t kMagic = 0x4d434f42; // "MCOB"

	// A class (kind METACALL_CLASS) or an object (METACALL_OBJECT) whose owner is `loader` (nullptr
	// for a host object), reached through `iface` with `data`.
	Object(ValueId kind, std::string class_name, std::shared_ptr<Loader> loader,
	       const metacall_object_interface *iface, void *data);
	~Object();
	Object(const Object &) = delete;
	Object &operator=(const Object &) = delete;

	// The class or object behind `o` (or behind the value `o`) of kind `kind` (METACALL_INVALID:
	// either), or nullptr after recording an error that names `api`.
	static Object *from(void *o, ValueId kind, const char *api);
	// The class or object behind `o` (not a value), or nullptr; records nothing.
	static Object *peek(void *o) {
		auto *object = static_cast<Object *>(o);
		return object != nullptr && object->magic_ == kMagic ? object : nullptr;
	}

	// The operations of the C API. Each returns a new value (a result or a throwable), or nullptr
	// after recording an error when the object cannot be used at all.
	void *get(const char *key, const char *api);
	void *call(const char *method, void *args[], std::size_t size, const char *api);
	void *construct(void *args[], std::size_t size, const char *api);
	void *keys(const char *api);
	// 0, or non-zero after recording the error (the throwable's label and message).
	int set(const char *key, void *value, const char *api);
	// The owner's description of a class (a map value, new) for metacall_inspect; nullptr if none.
	void *describe();

	ValueId kind() const { return kind_; }
	const std::string &class_name() const { return class_name_; }
	// The tag of the loader that owns it, or nullptr for a host's class or object.
	const char *loader_tag() const;
	const metacall_object_interface *iface() const { return iface_; }
	void *data() const { return data_; }

	// Ties the object to the handle it came from: once that is cleared, it cannot be used. Only
	// while nothing else can see the object (just made, held by one value).
	void tie(std::shared_ptr<HandleLife> life) { life_ = std::move(life); }
	const std::shared_ptr<HandleLife> &life() const { return life_; }

private:
	// Whether the object can be used now; records why not (naming `api`) when it cannot.
	bool usable(const char *api) const;
	// What is named `what` of this object in errors: "object of class 'Counter'".
	std::string describe_self() const;
	[[gnu::cold]] void *missing(const char *what, const char *key) const;
	void *bound_method(const char *method);

	std::uint32_t magic_ = kMagic;
	ValueId kind_;
	std::string class_name_;
	std::shared_ptr<Loader> loader_; // nullptr: a host object
	const metacall_object_interface *iface_;
	void *data_;
	std::shared_ptr<HandleLife> life_;
	std::vector<std::string> methods_; // a host's `methods`, asked once
};

// A new value of `object`'s kind referring to it.
void *object_value(std::shared_ptr<Object> object);
// A new class or object value (`kind`) for a new Object, after checking the arguments the C API
// gave (`api` names it in errors): nullptr after recording why not.
void *object_value(ValueId kind, const char *class_name, std::shared_ptr<Loader> loader,
                   const metacall_object_interface *iface, void *data, const char *api);

// Ties the class or object `result` (a new value) to `life` when nothing else holds it yet.
void tie_result(void *result, const std::shared_ptr<HandleLife> &life);

} // namespace metacall_core
