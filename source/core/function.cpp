#include "function.h"

#include "async_host.h"
#include "error.h"
#include "future.h"
#include "loader.h"
#include "object.h"
#include "runtime.h"
#include "value.h"
#include "watchdog.h"

#include <algorithm>

namespace metacall_core {

Signature signature_from(const metacall_loader_function &description) {
	Signature signature;
	signature.name = description.name != nullptr ? description.name : "";
	signature.return_type = description.return_type;
	signature.is_async = description.is_async != 0;
	signature.is_variadic = description.is_variadic != 0;
	signature.optional = std::min(description.optional_count, description.param_count);
	for (std::size_t i = 0; i < description.param_count; ++i) {
		Parameter param;
		const char *name = description.param_names != nullptr ? description.param_names[i] : nullptr;
		param.name = name != nullptr ? name : "arg" + std::to_string(i);
		param.type = description.param_types != nullptr ? description.param_types[i] : METACALL_INVALID;
		signature.params.push_back(std::move(param));
	}
	return signature;
}

Function::Function(Signature signature, std::shared_ptr<Loader> loader, void *data)
    : signature_(std::move(signature)), loader_(std::move(loader)), data_(data) {}

Function::Function(Signature signature, std::shared_ptr<Loader> host, metacall_invoke_callback invoke,
                   void *closure)
    : signature_(std::move(signature)), loader_(std::move(host)), host_invoke_(invoke), closure_(closure) {}

Function::Function(Signature signature, std::shared_ptr<Loader> host, metacall_async_invoke_callback settles,
                   void *closure)
    : signature_(std::move(signature)), loader_(std::move(host)), closure_(closure) {
	host_kind_ = HostKind::settles;
	async_invoke_ = settles;
}

Function::Function(Signature signature, std::shared_ptr<Loader> host, metacall_invoke_callback pooled,
                   void *closure, bool)
    : signature_(std::move(signature)), loader_(std::move(host)), host_invoke_(pooled), closure_(closure) {
	host_kind_ = HostKind::pooled;
}

Function::~Function() {
	magic_ = 0;
	if (target_ == nullptr && data_ != nullptr)
		loader_->release(data_);
}

Function *Function::invalid(void *f, const char *api) {
	if (f == nullptr)
		set_errorf("TypeError", "%s: the function is NULL", api);
	else
		set_errorf("TypeError",
		           "%s: the pointer is not a function (pass metacall_function(name) or "
		           "metacall_value_to_function(value), not a value)",
		           api);
	return nullptr;
}

std::shared_ptr<Function> Function::bind(std::shared_ptr<Function> target, void *closure) {
	if (target->target_ != nullptr) // bind the original, not a bound copy
		target = target->target_;
	auto bound = std::make_shared<Function>(target->signature_, target->loader_, target->host_invoke_);
	bound->data_ = target->data_;
	bound->host_kind_ = target->host_kind_;
	bound->async_invoke_ = target->async_invoke_;
	bound->closure_ = closure;
	bound->target_ = std::move(target);
	return bound;
}

void *Function::call(void *args[], std::size_t size, const char *api) {
	CallScope scope(api);
	if (!scope)
		return nullptr;
	const Function &origin = target_ != nullptr ? *target_ : *this;
	if (!origin.alive_.load(std::memory_order_acquire) || !loader_->active()) [[unlikely]]
		return refuse(api, Refusal::unloaded, 0);
	if (size > 0 && args == nullptr) [[unlikely]]
		return refuse(api, Refusal::no_arguments, size);
	for (std::size_t i = 0; i < size; ++i) {
		auto *arg = static_cast<Value *>(args[i]);
		if (arg == nullptr || arg->magic != Value::kMagic) [[unlikely]]
			return refuse(api, Refusal::not_a_value, i);
	}
	const std::size_t most = signature_.params.size(), least = most - signature_.optional;
	if (size < least || (size > most && !signature_.is_variadic)) [[unlikely]]
		return wrong_count(size);
	const unsigned long limit =
	    origin.life_ != nullptr ? origin.life_->timeout_ms.load(std::memory_order_relaxed) : 0;
	void *result = limit == 0 ? dispatch(args, size) : dispatch_timed(args, size, limit);
	if (result == nullptr)
		return Value::create(METACALL_NULL);
	// Only a class or an object is tied to the handle: the common results skip the call.
	const ValueId id = static_cast<Value *>(result)->id;
	if ((id == METACALL_OBJECT || id == METACALL_CLASS) && origin.life_ != nullptr) [[unlikely]]
		tie_result(result, origin.life_);
	return result;
}

void *Function::refuse(const char *api, Refusal why, std::size_t n) const {
	switch (why) {
	case Refusal::unloaded:
		set_errorf("ReferenceError",
		           "%s: function '%s' was unloaded (its handle was cleared or metacall_destroy ran)", api,
		           name().c_str());
		break;
	case Refusal::no_arguments:
		set_errorf("TypeError", "%s: function '%s' called with %zu arguments but args is NULL", api,
		           name().c_str(), n);
		break;
	case Refusal::not_a_value:
		set_errorf("TypeError", "%s: argument %zu of '%s' is not a value (NULL or destroyed)", api, n,
		           name().c_str());
		break;
	}
	return nullptr;
}

void *Function::wrong_count(std::size_t size) const {
	const std::size_t most = signature_.params.size(), least = most - signature_.optional;
	std::string expected;
	if (signature_.is_variadic)
		expected = "at least " + std::to_string(least);
	else if (least != most)
		expected = std::to_string(least) + " to " + std::to_string(most);
	else
		expected = std::to_string(most);
	return make_throwable("TypeError", "function '" + name() + "' expects " + expected + " argument" +
	                                       (expected == "1" || expected == "at least 1" ? "" : "s") +
	                                       ", got " + std::to_string(size));
}

void *Function::dispatch(void *args[], std::size_t size) {
	if (host_kind_ != HostKind::plain) [[unlikely]]
		return call_host_async(args, size);
	if (host_invoke_ != nullptr)
		return checked_host_result(call_host(args, size));
	if (signature_.is_async)
		return call_async(args, size);
	return loader_->interface().invoke(loader_->state(), data_, args, size);
}

void *Function::dispatch_timed(void *args[], std::size_t size, unsigned long ms) {
	TimedCall timed(ms, loader_->interface(), loader_->state());
	void *result = dispatch(args, size);
	if (!timed.fired() || result == nullptr || static_cast<Value *>(result)->id != METACALL_THROWABLE)
		return result; // it ended by itself (maybe just as its time ran out)
	metacall_exception_type exception{};
	if (metacall_error_from_value(result, &exception) != 0 || exception.label == nullptr ||
	    std::string(exception.label) != "InterruptedError")
		return result; // it failed on its own
	destroy_value(result);
	return make_throwable("TimeoutError", "function '" + name() + "' ran past its time limit of " +
	                                          std::to_string(ms) + " ms and was stopped");
}

// What a host function returned, checked once here for every caller (C, JS, Python): a pointer
// that is not a value (a string, a handle, a value already destroyed) becomes a TypeError instead
// of reaching a caller that would read it as a value. NULL stays NULL (a null result).
void *Function::checked_host_result(void *result) const {
	if (result == nullptr || static_cast<Value *>(result)->magic == Value::kMagic)
		return result;
	return make_throwable("TypeError", "host function '" + name() +
	                                       "' returned a pointer that is not a value (return "
	                                       "metacall_value_create_* or NULL)");
}

// Host functions get exactly the C types they declared; when every argument already has its
// declared type (the common case) they are passed as they are.
void *Function::call_host(void *args[], std::size_t size) {
	std::size_t declared = std::min(size, signature_.params.size());
	for (std::size_t i = 0; i < declared; ++i) {
		ValueId type = signature_.params[i].type;
		if (type != METACALL_INVALID && static_cast<Value *>(args[i])->id != type)
			return call_host_converting(args, size);
	}
	return host_invoke_(size, args, closure_);
}

// Numeric arguments of another width are converted (checked, no wrapping) into copies; anything
// else is a TypeError and the host is not called.
void *Function::call_host_converting(void *args[], std::size_t size) {
	std::vector<void *> converted(args, args + size);
	auto release = [&] {
		for (std::size_t i = 0; i < size; ++i)
			if (converted[i] != args[i])
				destroy_value(converted[i]);
	};
	for (std::size_t i = 0; i < size && i < signature_.params.size(); ++i) {
		const Parameter &param = signature_.params[i];
		auto *arg = static_cast<Value *>(args[i]);
		if (param.type == METACALL_INVALID || arg->id == param.type)
			continue;
		void *copy = is_number(arg->id) && is_number(param.type) ? arg->copy() : nullptr;
		if (copy == nullptr || metacall_value_cast(copy, param.type) == nullptr) {
			destroy_value(copy);
			release();
			return make_throwable("TypeError", "function '" + name() + "' parameter " + std::to_string(i) +
			                                       " ('" + param.name + "'): expected " +
			                                       metacall_value_id_name(param.type) + ", got " +
			                                       metacall_value_id_name(arg->id));
		}
		converted[i] = copy;
	}
	void *result = host_invoke_(size, converted.data(), closure_);
	release();
	return result;
}

// Async host functions get copies of their arguments (the work may outlive the call), converted to
// the declared numeric types as plain host functions' are; the caller gets the future at once.
void *Function::call_host_async(void *args[], std::size_t size) {
	auto copies = std::make_shared<std::vector<ValuePtr>>();
	copies->reserve(size);
	for (std::size_t i = 0; i < size; ++i) {
		auto *arg = static_cast<Value *>(args[i]);
		ValuePtr copy(arg->copy());
		if (copy == nullptr)
			return make_throwable("RecursionError", "function '" + name() + "' argument " +
			                                            std::to_string(i) + " is nested too deeply to copy");
		const ValueId type = i < signature_.params.size() ? signature_.params[i].type : METACALL_INVALID;
		if (type != METACALL_INVALID && arg->id != type &&
		    (!is_number(arg->id) || !is_number(type) || metacall_value_cast(copy.get(), type) == nullptr))
			return make_throwable("TypeError", "function '" + name() + "' parameter " + std::to_string(i) +
			                                       " ('" + signature_.params[i].name + "'): expected " +
			                                       metacall_value_id_name(type) + ", got " +
			                                       metacall_value_id_name(arg->id));
		copies->push_back(std::move(copy));
	}
	auto future = std::make_shared<Future>();
	AsyncCalls::instance().add(future);
	std::vector<void *> argv;
	argv.reserve(size);
	for (auto &copy : *copies)
		argv.push_back(copy.get());
	if (host_kind_ == HostKind::settles) {
		async_invoke_(size, argv.data(), Value::create_future(future), closure_); // its future is the host's
		return Value::create_future(std::move(future));
	}
	auto self = shared_from_this();
	auto job = [self, future, copies, argv]() mutable {
		// Inside the call gate: metacall_destroy waits for a job that runs, and refuses one that has
		// not started (its future is cancelled by then).
		CallScope scope(nullptr);
		if (!scope) {
			future->cancel("libmetacall is being destroyed");
			return;
		}
		if (future->cancelled())
			return;
		WorkerPool::set_current(future.get());
		void *result =
		    self->checked_host_result(self->host_invoke_(argv.size(), argv.data(), self->closure_));
		WorkerPool::set_current(nullptr);
		const bool rejected = result != nullptr && static_cast<Value *>(result)->id == METACALL_THROWABLE;
		future->settle(!rejected, result); // refused (and destroyed) when it was cancelled meanwhile
	};
	if (!WorkerPool::instance().submit(std::move(job))) {
		future->cancel("no worker thread could be started");
		return make_throwable("RuntimeError", "function '" + name() + "': no worker thread could be started");
	}
	return Value::create_future(std::move(future));
}

// Async functions: the loader settles a future the core made; the caller gets a copy of it.
void *Function::call_async(void *args[], std::size_t size) {
	const metacall_loader_interface &table = loader_->interface();
	if (table.await == nullptr)
		return make_throwable("LoaderError", "function '" + name() + "' is async but the '" + loader_->tag() +
		                                         "' loader has no await entry");
	auto future = std::make_shared<Future>();
	void *for_loader = Value::create_future(future);
	std::uint64_t before = error_generation();
	if (table.await(loader_->state(), data_, args, size, for_loader) != 0) {
		std::string reason =
		    error_generation() != before ? last_error_message() : "the loader gave no reason";
		return make_throwable("LoaderError", "function '" + name() + "' could not start: " + reason);
	}
	return Value::create_future(std::move(future));
}

const char *Function::loader_tag() const {
	if (target_ != nullptr)
		return target_->loader_tag();
	if (loader_ == nullptr || loader_->tag() == Loader::kHostTag)
		return nullptr;
	return loader_->tag().c_str();
}

} // namespace metacall_core
