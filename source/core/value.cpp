// Construction, copy and destruction of values.
#include "value.h"

#include "error.h"
#include "fast_tls.h"
#include "function.h"
#include "future.h"
#include "object.h"
#include "value_cache.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace metacall_core {

Exception::Exception(ExceptionData d) : data(std::move(d)) {
	view =
	    metacall_exception_type{data.message.c_str(), data.label.c_str(), data.code, data.stacktrace.c_str()};
}

void ValueDeleter::operator()(Value *value) const {
	destroy_value(value);
}

Value::~Value() {
	release_payload();
	magic = 0; // a later use of a destroyed value is reported (while the memory is not reused)
}

void Value::release_payload() {
	if (payload == nullptr)
		return;
	if (Slots *slots = std::get_if<Slots>(payload.get()))
		for (void *item : *slots)
			destroy_value(item);
	payload.reset();
}

Value *Value::invalid(void *v, const char *api) {
	if (v == nullptr)
		set_errorf("TypeError", "%s: the value is NULL", api);
	else
		set_errorf("TypeError", "%s: the pointer is not a value (a function, a handle or a destroyed value?)",
		           api);
	return nullptr;
}

Value *Value::mismatch(void *v, ValueId id, const char *api) {
	Value *value = from(v, api);
	if (value != nullptr)
		set_errorf("TypeError", "%s: the value is a %s, expected a %s", api,
		           metacall_value_id_name(value->id), metacall_value_id_name(id));
	return nullptr;
}

Value *Value::create(ValueId id) {
	auto *value = ::new (take_value_block(sizeof(Value))) Value();
	value->id = id;
	return value;
}

Value *Value::create_bytes(ValueId id, const char *bytes, std::size_t size) {
	Value *value = create(id);
	if (bytes != nullptr)
		value->emplace<std::string>(bytes, size);
	else
		value->emplace<std::string>(size, '\0');
	return value;
}

Value *Value::create_slots(ValueId id, const void *const items[], std::size_t size) {
	Value *value = create(id);
	Slots &slots = value->emplace<Slots>(size, nullptr);
	for (std::size_t i = 0; items != nullptr && i < size; ++i)
		slots[i] = const_cast<void *>(items[i]); // the container takes the elements
	return value;
}

Value *Value::create_function(std::shared_ptr<Function> function) {
	Value *value = create(METACALL_FUNCTION);
	value->emplace<std::shared_ptr<Function>>(std::move(function));
	return value;
}

Value *Value::create_future(std::shared_ptr<Future> future) {
	Value *value = create(METACALL_FUTURE);
	value->emplace<std::shared_ptr<Future>>(std::move(future));
	return value;
}

Value *Value::create_object(ValueId id, std::shared_ptr<Object> object) {
	Value *value = create(id);
	value->emplace<std::shared_ptr<Object>>(std::move(object));
	return value;
}

Value *Value::create_exception(ExceptionData data) {
	Value *value = create(METACALL_EXCEPTION);
	value->emplace<Exception>(std::move(data));
	return value;
}

Value *Value::create_throwable(void *thrown) {
	Value *value = create(METACALL_THROWABLE);
	value->emplace<ValuePtr>(thrown != nullptr ? static_cast<Value *>(thrown) : create(METACALL_NULL));
	return value;
}

Value *Value::copy(int depth) const {
	if (depth > METACALL_VALUE_MAX_DEPTH) {
		set_errorf("RecursionError", "metacall_value_copy: the value is nested more than %d levels deep",
		           METACALL_VALUE_MAX_DEPTH);
		return nullptr;
	}
	Value *out = create(id);
	out->scalar = scalar;
	if (payload == nullptr)
		return out;
	bool complete = true;
	std::visit(
	    [out, depth, &complete](const auto &item) {
		    using T = std::decay_t<decltype(item)>;
		    if constexpr (std::is_same_v<T, Slots>) {
			    Slots &slots = out->emplace<Slots>(item.size(), nullptr);
			    for (std::size_t i = 0; i < item.size() && complete; ++i)
				    if (item[i] != nullptr)
					    complete = (slots[i] = static_cast<Value *>(item[i])->copy(depth + 1)) != nullptr;
		    } else if constexpr (std::is_same_v<T, ValuePtr>) {
			    Value *thrown = item->copy(depth + 1);
			    complete = thrown != nullptr;
			    out->emplace<ValuePtr>(complete ? thrown : create(METACALL_NULL));
		    } else {
			    out->emplace<T>(item); // bytes and exceptions are copied; the rest is shared
		    }
	    },
	    *payload);
	if (!complete) {
		destroy_value(out);
		return nullptr;
	}
	return out;
}

void Value::assign_slots(const void *const items[], std::size_t size) {
	Slots old = std::move(slots());
	Slots &fresh = slots();
	fresh.assign(size, nullptr);
	for (std::size_t i = 0; items != nullptr && i < size; ++i)
		fresh[i] = const_cast<void *>(items[i]);
	for (void *item : old)
		if (std::find(fresh.begin(), fresh.end(), item) == fresh.end())
			destroy_value(item);
}

namespace {

// Values whose destruction waits for the one under way on this thread: the elements a container
// releases are queued here instead of being destroyed by recursion, so a chain of containers
// nested deeper than the C stack allows is freed in a loop. The flag apart from the queue: a
// trivial thread-local is a plain load, where one with a destructor goes through a guard per use.
METACALL_FAST_TLS thread_local bool destroying = false;
METACALL_FAST_TLS thread_local bool queued = false; // pending_destruction may hold values
thread_local std::vector<void *> pending_destruction;

void destroy_one(void *v) {
	auto *value = static_cast<Value *>(v);
	if (value->magic != Value::kMagic) {
		Value::invalid(v, "metacall_value_destroy (destroyed twice?)");
		return;
	}
	value->~Value(); // queues its elements (release_payload -> destroy_value)
	give_value_block(value);
}

} // namespace

void destroy_value(void *v) {
	if (v == nullptr)
		return;
	if (destroying) {
		pending_destruction.push_back(v);
		queued = true;
		return;
	}
	destroying = true;
	destroy_one(v);
	if (queued) {
		while (!pending_destruction.empty()) {
			void *next = pending_destruction.back();
			pending_destruction.pop_back();
			destroy_one(next);
		}
		queued = false;
	}
	destroying = false;
}

} // namespace metacall_core
