#include "js_calls.h"
#include "js_string.h"

#include "js_errors.h"
#include "js_scalars.h"
#include "js_typed_arrays.h"
#include "js_values.h"
#include "js_wrapped.h"
#include "loader_state.h"

#include <metacall/metacall.h>
#include <metacall/metacall_error.h>
#include <metacall/metacall_loader.h>
#include <metacall/metacall_value.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace node_loader {

METACALL_FAST_TLS thread_local bool ResultViews::wanted_ = false;
namespace {

// Arguments converted to JS: on the stack for the usual few.
class JsArguments {
public:
	// False with a JS exception pending when an argument cannot be converted. `scalars`, when
	// given, holds the scalar arguments read on the calling thread (js_scalars.h).
	bool convert(LoaderState &state, void *args[], size_t size, const ScalarArguments *scalars) {
		if (size > kInline) {
			heap_.resize(size);
			data_ = heap_.data();
		}
		for (size_t i = 0; i < size; ++i) {
			if (scalars != nullptr && (*scalars)[i].kind != Scalar::Kind::none)
				data_[i] = scalar_to_js(state.env(), (*scalars)[i]);
			else if ((data_[i] = to_js(state, args[i])) == nullptr)
				return false;
		}
		return true;
	}
	const napi_value *data() const { return data_; }

private:
	static constexpr size_t kInline = 8;
	napi_value inline_[kInline];
	std::vector<napi_value> heap_;
	napi_value *data_ = inline_;
};

// Calls `callee` with this = `receiver`: true with its JS result, or false with the exception
// pending.
bool call_with(LoaderState &state, napi_value receiver, napi_value callee, void *args[], size_t size,
               const ScalarArguments *scalars, napi_value *result) {
	JsArguments arguments;
	return arguments.convert(state, args, size, scalars) &&
	       napi_call_function(state.env(), receiver, callee, size, arguments.data(), result) == napi_ok;
}

// Calls `function`: true with its JS result, or false with the exception pending.
// With the embedder, V8 is called directly: Node-API's checks and try-catch cost a tenth of a
// short call; what it throws is then kept for throwable_from_pending (LoaderState::set_caught).
bool call_function(LoaderState &state, JsFunction *function, void *args[], size_t size,
                   const ScalarArguments *scalars, napi_value *result) {
	napi_value callee = nullptr, receiver = nullptr;
	if (napi_get_reference_value(state.env(), function->ref, &callee) != napi_ok)
		return false;
	const node_loader_embedder *embedder = state.embedder();
	if (embedder != nullptr && embedder->call != nullptr && state.session() != nullptr && !state.exited()) {
		JsArguments arguments;
		if (!arguments.convert(state, args, size, scalars))
			return false;
		void *exception = nullptr;
		if (embedder->call(state.session(), callee, size,
		                   reinterpret_cast<void *const *>(const_cast<napi_value *>(arguments.data())),
		                   reinterpret_cast<void **>(result), &exception) != 0)
			return true;
		state.set_caught(static_cast<napi_value>(exception));
		return false;
	}
	return napi_get_undefined(state.env(), &receiver) == napi_ok &&
	       call_with(state, receiver, callee, args, size, scalars, result);
}

// The value of a call's JS result: a scalar into `scalar_result` (nullptr returned) when given.
void *result_from_js(LoaderState &state, napi_value result, Scalar *scalar_result) {
	if (scalar_result != nullptr && scalar_from_js(state.env(), result, state.number_rule(), *scalar_result))
		return nullptr;
	if (ResultViews::wanted())
		if (void *view = view_from_js(state, result))
			return view;
	return from_js(state, result);
}

// A future the loader settles when a promise does: the token bootstrap.js hands back to settle.
// Collected with the promise: a promise that never settles rejects its future when the
// environment goes away. A plain object wraps it rather than an external: Node 20 frees an
// external's bookkeeping only when a garbage collection happens to run, never at exit, while a
// wrap is finalized when the environment is torn down.
struct SettleToken {
	void *future; // owned; nullptr once settled
};

// The tokens whose promise may still settle (owner): metacall_destroy's drain rejects the futures
// of those still pending when it ends, with its reason.
std::unordered_set<SettleToken *> live_tokens;

void settle(void *future, bool fulfilled, void *value) {
	if (fulfilled)
		metacall_future_resolve(future, value);
	else
		metacall_future_reject(future, value);
	metacall_value_destroy(future);
}

void finalize_token(napi_env, void *data, void *) {
	std::unique_ptr<SettleToken> token(static_cast<SettleToken *>(data));
	live_tokens.erase(token.get());
	if (token->future != nullptr)
		settle(token->future, false,
		       metacall_error_throw("Error", 0, nullptr,
		                            "the Node environment stopped before the promise settled"));
}

// Has `promise` settle `future` (owned).
void settle_with(LoaderState &state, napi_value promise, void *future) {
	napi_env env = state.env();
	auto token = std::make_unique<SettleToken>(SettleToken{future});
	napi_value args[2] = {promise, nullptr};
	napi_value ignored = nullptr;
	if (napi_create_object(env, &args[1]) != napi_ok ||
	    napi_wrap(env, args[1], token.get(), finalize_token, nullptr, nullptr) != napi_ok) {
		settle(future, false, throwable_from_pending(state));
		return;
	}
	live_tokens.insert(token.get());
	token.release(); // the wrap owns it now
	if (!state.call(state.helper("settle"), 2, args, &ignored))
		napi_get_and_clear_last_exception(env, &ignored); // cannot happen: then() does not throw
}

// The function values handed to JS wrap a copy of the value (js_wrapped.h).
void finalize_host_function(napi_env, void *data, void *) {
	std::unique_ptr<WrappedValue> host(static_cast<WrappedValue *>(data));
	metacall_value_destroy(host->value);
}

// JS called a function value: the core checks the arguments and calls it.
napi_value call_host_function(napi_env env, napi_callback_info info) {
	LoaderState *state = LoaderState::current();
	size_t argc = 8;
	napi_value argv_inline[8];
	std::vector<napi_value> argv_heap;
	napi_value *argv = argv_inline;
	void *data = nullptr;
	napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
	if (argc > 8) {
		argv_heap.resize(argc);
		argv = argv_heap.data();
		napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
	}
	if (state == nullptr) {
		napi_throw_error(env, nullptr, "metacall: the node loader is stopped");
		return nullptr;
	}
	return call_from_js(*state, metacall_value_to_function(static_cast<WrappedValue *>(data)->value), argv,
	                    argc);
}

// The promises handed to JS for the core's futures, by id. A future settles on any thread, maybe
// after the environment is gone: its callbacks carry only the id, and settle the promise on the
// owner thread if it is still pending. Promises left when the environment stops are rejected
// there (which also frees what Node-API holds for them).
class PendingPromises {
public:
	uint64_t add(napi_deferred deferred) {
		std::lock_guard lock(mutex_);
		promises_.emplace(++last_id_, deferred);
		return last_id_;
	}
	// The promise `id`, taken out; nullptr when it is gone.
	napi_deferred take(uint64_t id) {
		std::lock_guard lock(mutex_);
		auto found = promises_.find(id);
		if (found == promises_.end())
			return nullptr;
		napi_deferred deferred = found->second;
		promises_.erase(found);
		return deferred;
	}
	std::unordered_map<uint64_t, napi_deferred> take_all() {
		std::lock_guard lock(mutex_);
		return std::exchange(promises_, {});
	}

private:
	std::mutex mutex_;
	std::unordered_map<uint64_t, napi_deferred> promises_;
	uint64_t last_id_ = 0;
};

PendingPromises pending_promises;

// Owner: settles the promise `id`, if still pending, with `value` (borrowed).
void settle_promise(LoaderState &state, uint64_t id, bool fulfilled, void *value) {
	napi_deferred deferred = pending_promises.take(id);
	if (deferred == nullptr)
		return;
	state.environment().unpin_loop();
	EnvScope scope(state.environment());
	napi_value js =
	    metacall_value_id(value) == METACALL_THROWABLE ? error_to_js(state, value) : to_js(state, value);
	if (js == nullptr)
		napi_get_and_clear_last_exception(state.env(), &js);
	if (fulfilled)
		napi_resolve_deferred(state.env(), deferred, js);
	else
		napi_reject_deferred(state.env(), deferred, js);
}

void *on_future_settled(void *result, void *data, bool fulfilled) {
	const auto id = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(data));
	LoaderState *state = LoaderState::current();
	if (state == nullptr || !state->running())
		return nullptr; // the environment is gone, and its promises with it
	if (Owner::on_owner_thread()) {
		settle_promise(*state, id, fulfilled, result);
		return nullptr;
	}
	// `result` is borrowed: the copy travels with the work, and goes with it if it is dropped.
	std::shared_ptr<void> value(metacall_value_copy(result), metacall_value_destroy);
	state->owner().post(
	    [state, id, fulfilled, value] { settle_promise(*state, id, fulfilled, value.get()); });
	return nullptr;
}

void *on_future_resolved(void *result, void *data) {
	return on_future_settled(result, data, true);
}
void *on_future_rejected(void *result, void *data) {
	return on_future_settled(result, data, false);
}

} // namespace

napi_value call_from_js(LoaderState &state, void *function, const napi_value *argv, size_t argc,
                        const Refetch &refetch) {
	napi_env env = state.env();
	// Converted on the stack for the usual few arguments: this is every call's path from JS.
	constexpr size_t kInline = 8;
	void *args_inline[kInline];
	std::vector<void *> args_heap;
	void **args = args_inline;
	if (argc > kInline) {
		args_heap.resize(argc);
		args = args_heap.data();
	}
	for (size_t i = 0; i < argc; ++i) {
		args[i] = argument_from_js(state, argv[i]); // argv holds the arrays whose bytes it borrows
		if (metacall_value_id(args[i]) == METACALL_THROWABLE) { // cannot convert: no call is made
			napi_value error = error_to_js(state, args[i]);
			if (error != nullptr)
				napi_throw(env, error);
			for (size_t j = 0; j <= i; ++j)
				metacall_value_destroy(args[j]);
			return nullptr;
		}
	}
	void *result = metacallfv_s(function, args, argc);
	if (result == nullptr && refetch.again != nullptr) // refused before it ran: maybe unloaded
		if (void *other = refetch.again(refetch.context))
			result = metacallfv_s(other, args, argc);
	for (size_t i = 0; i < argc; ++i)
		metacall_value_destroy(args[i]);
	if (result == nullptr) { // the call could not be made (the core recorded why)
		metacall_exception_type error{};
		napi_throw_error(env, nullptr, metacall_error_last(&error) == 0 ? error.message : "the call failed");
		return nullptr;
	}
	napi_value js = nullptr;
	if (metacall_value_id(result) == METACALL_THROWABLE) {
		napi_value error = error_to_js(state, result);
		if (error != nullptr)
			napi_throw(env, error);
	} else if (metacall_value_id(result) == METACALL_BUFFER && is_typed_buffer(result)) {
		js = typed_buffer_to_js_taken(env, result); // no copy: the array's memory is the result's
		result = nullptr;
	} else {
		js = to_js(state, result);
	}
	metacall_value_destroy(result);
	return js;
}

void *invoke_js(LoaderState &state, JsFunction *function, void *args[], size_t size,
                const ScalarArguments *scalars, Scalar *scalar_result) {
	napi_value result = nullptr;
	if (!call_function(state, function, args, size, scalars, &result))
		return throwable_from_pending(state);
	return result_from_js(state, result, scalar_result);
}

void *invoke_method_js(LoaderState &state, napi_value self, napi_value caller, void *args[], size_t size,
                       const ScalarArguments *scalars, Scalar *scalar_result, bool *not_callable) {
	napi_value result = nullptr;
	if (call_with(state, self, caller, args, size, scalars, &result))
		return result_from_js(state, result, scalar_result);
	bool pending = false;
	if (state.exited() || napi_is_exception_pending(state.env(), &pending) != napi_ok || !pending)
		return throwable_from_pending(state);
	napi_value error = nullptr;
	bool refused = false;
	napi_get_and_clear_last_exception(state.env(), &error);
	napi_strict_equals(state.env(), error, state.environment().not_callable(), &refused);
	if (!refused)
		return throwable_from_js(state, error);
	*not_callable = true;
	return nullptr;
}

void *construct_js(LoaderState &state, napi_value cls, void *args[], size_t size) {
	JsArguments arguments;
	napi_value instance = nullptr;
	if (!arguments.convert(state, args, size, nullptr) ||
	    napi_new_instance(state.env(), cls, size, arguments.data(), &instance) != napi_ok)
		return throwable_from_pending(state);
	return from_js(state, instance);
}

void await_js(LoaderState &state, JsFunction *function, void *args[], size_t size, void *future) {
	napi_value result = nullptr;
	if (!call_function(state, function, args, size, nullptr, &result)) {
		settle(future, false, throwable_from_pending(state));
		return;
	}
	bool is_promise = false;
	napi_is_promise(state.env(), result, &is_promise);
	if (is_promise)
		settle_with(state, result, future);
	else
		settle(future, true, from_js(state, result));
}

napi_value settle_callback(napi_env env, napi_callback_info info) {
	LoaderState *state = LoaderState::current();
	size_t argc = 3;
	napi_value argv[3] = {nullptr, nullptr, nullptr};
	napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
	void *data = nullptr;
	bool fulfilled = false;
	if (state == nullptr || argc < 3 || napi_unwrap(env, argv[0], &data) != napi_ok ||
	    napi_get_value_bool(env, argv[1], &fulfilled) != napi_ok)
		return nullptr;
	auto *token = static_cast<SettleToken *>(data);
	void *future = token->future;
	if (future == nullptr)
		return nullptr;
	token->future = nullptr;
	settle(future, fulfilled, fulfilled ? from_js(*state, argv[2]) : rejection_from_js(*state, argv[2]));
	return nullptr;
}

napi_value function_to_js(LoaderState &state, void *value) {
	napi_env env = state.env();
	auto host = std::make_unique<WrappedValue>(WrappedValue{metacall_value_copy(value)});
	napi_value fn = nullptr;
	if (napi_create_function(env, "", 0, call_host_function, host.get(), &fn) != napi_ok ||
	    !wrap_value(env, fn, host.get(), finalize_host_function)) {
		metacall_value_destroy(host->value);
		return nullptr;
	}
	host.release(); // the JS function owns it now
	return fn;
}

void *function_from_js(LoaderState &state, napi_value fn) {
	napi_env env = state.env();
	// A JS callback: callable from C with at least as many arguments as it declares (fn.length).
	napi_value length_js = nullptr, name_js = nullptr;
	uint32_t length = 0;
	if (napi_get_named_property(env, fn, "length", &length_js) == napi_ok)
		napi_get_value_uint32(env, length_js, &length);
	std::string name;
	if (napi_get_named_property(env, fn, "name", &name_js) == napi_ok)
		read_js_string(env, name_js, name);
	metacall_loader_function description{};
	description.name = name.c_str();
	description.data = state.add_function(fn);
	description.is_variadic = 1;
	description.return_type = METACALL_INVALID;
	description.param_count = length;
	void *value = metacall_loader_function_value(state.tag().c_str(), &description);
	if (value == nullptr) {
		state.release_function(static_cast<JsFunction *>(description.data));
		metacall_exception_type error{};
		return metacall_error_throw("Error", 0, nullptr, "%s",
		                            metacall_error_last(&error) == 0 ? error.message
		                                                             : "cannot pass a JS function");
	}
	return value;
}

void *future_from_js(LoaderState &state, napi_value promise) {
	void *future = metacall_future_create();
	settle_with(state, promise, metacall_value_copy(future));
	return future;
}

napi_value future_to_js(LoaderState &state, void *value) {
	napi_value promise = nullptr;
	napi_deferred deferred = nullptr;
	if (napi_create_promise(state.env(), &deferred, &promise) != napi_ok)
		return nullptr;
	void *id = reinterpret_cast<void *>(static_cast<uintptr_t>(pending_promises.add(deferred)));
	state.environment().pin_loop(); // the future may settle on another thread: wait for it
	void *chained = metacall_await_future(value, on_future_resolved, on_future_rejected, id);
	metacall_value_destroy(chained);
	return promise;
}

namespace {

// Rejects the promises JS awaits on futures of the core with an error saying `text` (named `name`
// when given).
void reject_promises(LoaderState &state, const char *text, const char *name) {
	auto promises = pending_promises.take_all();
	if (promises.empty())
		return;
	EnvScope scope(state.environment());
	napi_value message = nullptr, error = nullptr, error_name = nullptr;
	napi_create_string_utf8(state.env(), text, NAPI_AUTO_LENGTH, &message);
	napi_create_error(state.env(), nullptr, message, &error);
	if (name != nullptr &&
	    napi_create_string_utf8(state.env(), name, NAPI_AUTO_LENGTH, &error_name) == napi_ok)
		napi_set_named_property(state.env(), error, "name", error_name);
	for (auto &[id, deferred] : promises) {
		napi_reject_deferred(state.env(), deferred, error);
		state.environment().unpin_loop();
	}
}

} // namespace

void reject_pending_promises(LoaderState &state) {
	reject_promises(state, "the Node environment stopped before the future settled", nullptr);
}

int pending_work(LoaderState &state) {
	int32_t active = 0;
	{
		EnvScope scope(state.environment());
		napi_value count = nullptr;
		if (!state.call(state.helper("activeWork"), 0, nullptr, &count) ||
		    napi_get_value_int32(state.env(), count, &active) != napi_ok) {
			napi_value ignored = nullptr;
			napi_get_and_clear_last_exception(state.env(), &ignored);
			active = 0;
		}
	}
	// The promises JS awaits on futures of the core are not counted: what settles those (a
	// coroutine, an async host call) is counted where it runs, and a future whose owner dropped it
	// unsettled would keep the drain going to its bound.
	return active > 0 ? static_cast<int>(active) : 0;
}

void reject_unsettled(LoaderState &state, const char *reason) {
	// First JS's own waits: the microtasks run when their scope closes, and a script that catches
	// the rejection may still settle the promise the core awaits, with what it makes of it.
	reject_promises(state, reason, "CancelledError");
	std::vector<void *> futures;
	for (SettleToken *token : live_tokens)
		if (token->future != nullptr)
			futures.push_back(std::exchange(token->future, nullptr));
	for (void *future : futures)
		settle(future, false, metacall_error_throw("CancelledError", 0, nullptr, "%s", reason));
}

} // namespace node_loader
