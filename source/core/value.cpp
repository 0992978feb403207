// Construction, copy and destruction of values.
#include "value.h"

#include "error.h"
#include "function.h"
#include "future.h"

#include <algorithm>
#include <cstring>

namespace metacall_core {

Exception::Exception(ExceptionData d) : data(std::move(d)) {
	view =
	    metacall_exception_type{data.message.c_str(), data.label.c_str(), data.code, data.stacktrace.c_str()};
}

void ValueDeleter::operator()(Value *value) const {
	destroy_value(value);
}

Value::~Value() {
	if (Slots *slots = std::get_if<Slots>(&data))
		for (void *item : *slots)
			destroy_value(item);
	magic = 0; // a later use of a destroyed value is reported (while the memory is not reused)
}

Value *Value::from(void *v, const char *api) {
	if (v == nullptr) {
		set_errorf("TypeError", "%s: the value is NULL", api);
		return nullptr;
	}
	auto *value = static_cast<Value *>(v);
	if (value->magic != kMagic) {
		set_errorf("TypeError", "%s: the pointer is not a value (a function, a handle or a destroyed value?)",
		           api);
		return nullptr;
	}
	return value;
}

Value *Value::from(void *v, ValueId id, const char *api) {
	Value *value = from(v, api);
	if (value != nullptr && value->id != id) {
		set_errorf("TypeError", "%s: the value is a %s, expected a %s", api,
		           metacall_value_id_name(value->id), metacall_value_id_name(id));
		return nullptr;
	}
	return value;
}

Value *Value::create(ValueId id) {
	auto value = std::make_unique<Value>();
	value->id = id;
	return value.release();
}

Value *Value::create_bytes(ValueId id, const char *bytes, std::size_t size) {
	Value *value = create(id);
	if (bytes != nullptr)
		value->data.emplace<std::string>(bytes, size);
	else
		value->data.emplace<std::string>(size, '\0');
	return value;
}

Value *Value::create_slots(ValueId id, const void *const items[], std::size_t size) {
	Value *value = create(id);
	Slots &slots = value->data.emplace<Slots>(size, nullptr);
	for (std::size_t i = 0; items != nullptr && i < size; ++i)
		slots[i] = const_cast<void *>(items[i]); // the container takes the elements
	return value;
}

Value *Value::create_function(std::shared_ptr<Function> function) {
	Value *value = create(METACALL_FUNCTION);
	value->data = std::move(function);
	return value;
}

Value *Value::create_future(std::shared_ptr<Future> future) {
	Value *value = create(METACALL_FUTURE);
	value->data = std::move(future);
	return value;
}

Value *Value::create_exception(ExceptionData data) {
	Value *value = create(METACALL_EXCEPTION);
	value->data = std::make_unique<Exception>(std::move(data));
	return value;
}

Value *Value::create_throwable(void *thrown) {
	Value *value = create(METACALL_THROWABLE);
	value->data = ValuePtr(thrown != nullptr ? static_cast<Value *>(thrown) : create(METACALL_NULL));
	return value;
}

Value *Value::copy() const {
	Value *out = create(id);
	out->scalar = scalar;
	std::visit(
	    [out](const auto &item) {
		    using T = std::decay_t<decltype(item)>;
		    if constexpr (std::is_same_v<T, Slots>) {
			    Slots &slots = out->data.emplace<Slots>(item.size(), nullptr);
			    for (std::size_t i = 0; i < item.size(); ++i)
				    slots[i] = item[i] != nullptr ? static_cast<Value *>(item[i])->copy() : nullptr;
		    } else if constexpr (std::is_same_v<T, std::unique_ptr<Exception>>) {
			    out->data = std::make_unique<Exception>(item->data);
		    } else if constexpr (std::is_same_v<T, ValuePtr>) {
			    out->data = ValuePtr(item->copy());
		    } else {
			    out->data = item; // strings are copied; functions and futures are shared
		    }
	    },
	    data);
	return out;
}

void Value::assign_slots(const void *const items[], std::size_t size) {
	Slots old = std::move(slots());
	Slots &fresh = data.emplace<Slots>(size, nullptr);
	for (std::size_t i = 0; items != nullptr && i < size; ++i)
		fresh[i] = const_cast<void *>(items[i]);
	for (void *item : old)
		if (std::find(fresh.begin(), fresh.end(), item) == fresh.end())
			destroy_value(item);
}

void destroy_value(void *v) {
	if (v == nullptr)
		return;
	auto *value = static_cast<Value *>(v);
	if (value->magic != Value::kMagic) {
		set_error("TypeError", "metacall_value_destroy: the pointer is not a value (destroyed twice?)");
		return;
	}
	std::unique_ptr<Value> owned(value);
}

} // namespace metacall_core
