// metacall_await and friends: the outcome of a call (a future, or a plain result) is passed to
// the host's resolve or reject callback, whose return settles the future handed back.
#include "error.h"
#include "function.h"
#include "future.h"
#include "runtime.h"
#include "value.h"

#include <metacall/metacall.h>

using namespace metacall_core;

namespace {

// Takes `result` (a call's result). A future is chained; anything else counts as settled now:
// rejected when it is a throwable.
void *await_result(void *result, metacall_await_callback resolve, metacall_await_callback reject,
                   void *data) {
	if (result == nullptr)
		return nullptr;
	auto *value = static_cast<Value *>(result);
	std::shared_ptr<Future> source;
	if (value->id == METACALL_FUTURE) {
		source = value->future();
		destroy_value(result);
	} else {
		source = std::make_shared<Future>();
		source->settle(value->id != METACALL_THROWABLE, result);
	}
	return chain(source, resolve, reject, data);
}

} // namespace

extern "C" {

void *metacall_await(const char *name, void *args[], metacall_await_callback resolve,
                     metacall_await_callback reject, void *data) {
	void *func = metacall_function(name);
	if (func == nullptr)
		return nullptr;
	return await_result(metacallfv(func, args), resolve, reject, data);
}

void *metacallfv_await_s(void *func, void *args[], size_t size, metacall_await_callback resolve,
                         metacall_await_callback reject, void *data) {
	return await_result(metacallfv_s(func, args, size), resolve, reject, data);
}

void *metacall_await_future(void *future, metacall_await_callback resolve, metacall_await_callback reject,
                            void *data) {
	// A future value (ours), or what metacall_value_to_future returned (MetaCall's usage).
	auto *value = static_cast<Value *>(future);
	if (value != nullptr && value->magic == Value::kMagic) {
		value = Value::from(future, METACALL_FUTURE, "metacall_await_future");
		return value != nullptr ? chain(value->future(), resolve, reject, data) : nullptr;
	}
	Future *raw = Future::from(future, "metacall_await_future");
	std::shared_ptr<Future> shared = raw != nullptr ? raw->weak_from_this().lock() : nullptr;
	if (raw != nullptr && shared == nullptr)
		set_error("TypeError", "metacall_await_future: the future is no longer alive");
	return shared != nullptr ? chain(shared, resolve, reject, data) : nullptr;
}

} // extern "C"
