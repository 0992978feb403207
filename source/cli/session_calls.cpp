// The calls of a session: `call`, `await`, and a script's main; futures awaited with Ctrl-C able
// to abandon the wait.
#include "messages.h"
#include "session.h"
#include "value_text.h"

#include <metacall/metacall.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>

namespace metacall_cli {

// What an await's callbacks settle; shared with them until they have run.
struct session::await_state {
	std::mutex mutex;
	std::condition_variable settled_or_abandoned;
	bool settled = false;
	bool rejected = false;
	bool abandoned = false;
	owned_value outcome;

	static void *settle(void *result, void *data, bool rejected) {
		auto *state = static_cast<await_state *>(data);
		std::lock_guard<std::mutex> lock(state->mutex);
		state->outcome.reset(result != nullptr ? metacall_value_copy(result) : metacall_value_create_null());
		state->rejected = rejected;
		state->settled = true;
		state->settled_or_abandoned.notify_all();
		return nullptr;
	}
	static void *resolve(void *result, void *data) { return settle(result, data, false); }
	static void *reject(void *error, void *data) { return settle(error, data, true); }
};

owned_value session::wait_for(void *func, std::vector<void *> &arguments, std::string &error) {
	return settle(
	    [&](await_state &state) {
		    auto scope = watch_.running(); // the call runs script code before it returns a future
		    return metacallfv_await_s(func, arguments.data(), arguments.size(), await_state::resolve,
		                              await_state::reject, &state);
	    },
	    error);
}

owned_value session::wait_for(void *future, std::string &error) {
	return settle(
	    [&](await_state &state) {
		    return metacall_await_future(future, await_state::resolve, await_state::reject, &state);
	    },
	    error);
}

owned_value session::settle(const std::function<void *(await_state &)> &start, std::string &error) {
	auto state = std::make_shared<await_state>();
	owned_value future(start(*state));
	if (!future) {
		error = last_error("the call could not be made");
		return nullptr;
	}
	awaits_.push_back(state); // its callbacks may still run after an abandoned wait
	std::unique_lock<std::mutex> lock(state->mutex);
	{
		auto scope = watch_.waiting([weak = std::weak_ptr<await_state>(state)] {
			if (auto waiting = weak.lock()) {
				std::lock_guard<std::mutex> guard(waiting->mutex);
				waiting->abandoned = true;
				waiting->settled_or_abandoned.notify_all();
			}
		});
		// The watcher takes the state's mutex to abandon: wait with it released.
		state->settled_or_abandoned.wait(lock, [&] { return state->settled || state->abandoned; });
	}
	if (!state->settled) {
		error = "interrupted: stopped waiting (the future settles unseen)";
		return nullptr;
	}
	owned_value outcome = std::move(state->outcome);
	bool rejected = state->rejected;
	lock.unlock();
	// Settled states are no longer needed by their callbacks.
	std::erase_if(awaits_, [](const std::shared_ptr<await_state> &s) {
		std::lock_guard<std::mutex> guard(s->mutex);
		return s->settled;
	});
	if (rejected) {
		std::string message;
		if (!thrown_message(outcome.get(), message))
			message = "rejected with " + value_to_text(outcome.get());
		error = message;
		return nullptr;
	}
	return outcome;
}

owned_value session::invoke(void *func, std::vector<owned_value> &arguments, bool await, std::string &error) {
	std::vector<void *> raw;
	for (owned_value &argument : arguments)
		raw.push_back(argument.get());
	if (await)
		return wait_for(func, raw, error);
	owned_value result;
	{
		auto scope = watch_.running();
		result.reset(metacallfv_s(func, raw.data(), raw.size()));
	}
	if (!result)
		error = last_error("the call could not be made");
	return result;
}

bool session::call(const command &cmd, bool await) {
	std::string error;
	void *func = find_function(cmd.function, error);
	if (func == nullptr) {
		print_error(error);
		return false;
	}
	std::vector<owned_value> arguments;
	if (!parse_json_arguments(cmd.arguments, cmd.arguments_column - 1, arguments, error)) {
		print_error(error);
		return false;
	}
	owned_value result = invoke(func, arguments, await, error);
	if (!result) {
		print_error(error);
		return false;
	}
	std::string message;
	if (thrown_message(result.get(), message) && metacall_value_id(result.get()) == METACALL_THROWABLE) {
		print_error(message);
		return false;
	}
	std::string text = value_to_text(result.get());
	if (metacall_value_id(result.get()) == METACALL_FUTURE)
		text += " (await " + cmd.function + "(...) waits for it)";
	std::printf("%s\n", text.c_str());
	return true;
}

bool session::run_script(const std::string &tag, const std::vector<std::string> &paths,
                         const std::vector<std::string> &arguments) {
	void *handle = nullptr;
	if (!load(tag, paths, false, &handle))
		return false;
	void *main_function = metacall_handle_function(handle, "main");
	metacall_error_clear();
	if (main_function == nullptr)
		return true; // a script without main has run by being loaded
	std::vector<owned_value> values;
	if (metacall_function_size(main_function) > 0) { // main(argv): the arguments after --
		std::vector<owned_value> strings;
		for (const std::string &argument : arguments)
			strings.emplace_back(metacall_value_create_string(argument.data(), argument.size()));
		owned_value array(metacall_value_create_array(nullptr, strings.size()));
		void **slots = metacall_value_to_array(array.get());
		for (size_t i = 0; i < strings.size(); ++i)
			slots[i] = strings[i].release();
		values.push_back(std::move(array));
	}
	std::string error;
	owned_value result = invoke(main_function, values, metacall_function_async(main_function) == 1, error);
	if (result && metacall_value_id(result.get()) == METACALL_FUTURE) // a promise from a plain function
		result = wait_for(result.get(), error);
	if (!result) {
		print_error("main of " + paths[0] + ": " + error);
		return false;
	}
	std::string message, stack;
	if (thrown_message(result.get(), message, &stack) &&
	    metacall_value_id(result.get()) == METACALL_THROWABLE) {
		std::fflush(stdout);
		std::fprintf(stderr, "error: main of %s: %s\n", paths[0].c_str(), message.c_str());
		while (!stack.empty() && stack.back() == '\n')
			stack.pop_back();
		if (!stack.empty())
			std::fprintf(stderr, "%s\n", stack.c_str());
		return false;
	}
	if (metacall_value_id(result.get()) != METACALL_NULL)
		std::printf("%s\n", value_to_text(result.get()).c_str());
	return true;
}

} // namespace metacall_cli
