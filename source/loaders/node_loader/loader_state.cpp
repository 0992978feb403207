#include "loader_state.h"

#include "bootstrap_js.h"
#include "js_calls.h"

#include <metacall/metacall_loader.h>

#include <atomic>
#include <dlfcn.h>
#include <malloc.h>

namespace node_loader {
namespace {

std::atomic<LoaderState *> current_state{nullptr};

// The folder and file of this library: the addon the start-up script opens, beside the embedder.
std::string own_path() {
	Dl_info info{};
	if (dladdr(reinterpret_cast<void *>(&own_path), &info) == 0 || info.dli_fname == nullptr)
		return "";
	return info.dli_fname;
}

const node_loader_embedder *open_embedder(std::string &error) {
	const std::string self = own_path();
	const std::string path = self.substr(0, self.rfind('/') + 1) + NODE_LOADER_EMBEDDER_FILE;
	// Kept open: V8's platform, which lives in the process for good, points into it.
	void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
	if (library == nullptr) {
		error = std::string("cannot open the Node embedder ") + path + ": " + dlerror();
		return nullptr;
	}
	auto entry =
	    reinterpret_cast<node_loader_embedder_entry>(dlsym(library, NODE_LOADER_EMBEDDER_ENTRY_NAME));
	if (entry == nullptr) {
		error = path + " has no " NODE_LOADER_EMBEDDER_ENTRY_NAME;
		return nullptr;
	}
	return entry();
}

// A JSON string literal for `text` (a file path).
std::string js_string(const std::string &text) {
	std::string out = "\"";
	for (char c : text) {
		if (c == '"' || c == '\\')
			out += '\\';
		out += c;
	}
	return out + "\"";
}

// The start-up script of an environment the loader owns: opens this library as Node's addon,
// evaluates bootstrap.js and attaches the loader. Errors of scripts that nobody catches are
// reported instead of ending the host process, which is not Node's to end.
std::string main_script() {
	return "const native = { exports: {} };\n"
	       "process.dlopen(native, " +
	       js_string(own_path()) +
	       ");\n"
	       "process.on('uncaughtException', (error) => {\n"
	       "  console.error('metacall: node: uncaught exception:', error);\n"
	       "});\n"
	       "process.on('unhandledRejection', (reason) => {\n"
	       "  console.error('metacall: node: unhandled promise rejection:', reason);\n"
	       "});\n"
	       "const bootstrap = { exports: {} };\n"
	       "(function (module, builtinRequire) {\n" +
	       std::string(kBootstrapJs) +
	       "\n})(bootstrap, require);\n"
	       "native.exports.attach(bootstrap.exports);\n";
}

} // namespace

LoaderState *LoaderState::current() {
	return current_state.load(std::memory_order_acquire);
}

LoaderState::LoaderState(std::string tag) : tag_(std::move(tag)) {}

LoaderState::~LoaderState() {
	stop();
	LoaderState *self = this;
	current_state.compare_exchange_strong(self, nullptr);
}

bool LoaderState::start(bool pumped, std::string &error) {
	if (!pumped && running_.load(std::memory_order_acquire))
		return true; // every call asks: answered without the lock
	std::lock_guard lock(lifecycle_mutex_);
	if (ended_.load()) {
		error = "the Node environment has stopped (a script called process.exit); metacall_destroy and "
		        "metacall_initialize start a new one";
		return false;
	}
	if (running_.load()) {
		if (pumped && !(pumped_ && Owner::on_owner_thread())) {
			error = pumped_ ? "the Node environment is pumped by another thread"
			                : "the Node environment already runs on the loader's own thread (call "
			                  "metacall_pump before the first load of this tag to drive it from the host)";
			return false;
		}
		return true;
	}
	if (thread_.joinable())
		thread_.join(); // an earlier environment that ended (process.exit)
	if (embedder_ == nullptr && (embedder_ = open_embedder(error)) == nullptr)
		return false;
	current_state.store(this, std::memory_order_release);
	const std::string script = main_script();
	if (pumped) {
		Owner::set_owner_thread(true);
		if (!start_here(script, false, error)) {
			Owner::set_owner_thread(false);
			return false;
		}
		pumped_ = true;
		metacall_loader_log("info", "node loader: Node %s started on the pumping thread",
		                    node_version().c_str());
		return true;
	}
	start_done_ = false;
	start_error_.clear();
	thread_ = std::thread(&LoaderState::own_thread_main, this, script);
	std::unique_lock wait(start_mutex_);
	started_.wait(wait, [this] { return start_done_; });
	if (!start_error_.empty()) {
		wait.unlock();
		thread_.join();
		error = start_error_;
		return false;
	}
	metacall_loader_log("info", "node loader: Node %s started on its own thread", node_version().c_str());
	return true;
}

void LoaderState::own_thread_main(std::string script) {
	Owner::set_owner_thread(true);
	std::string error;
	const bool started = start_here(script, true, error);
	{
		std::lock_guard lock(start_mutex_);
		start_done_ = true;
		start_error_ = started ? "" : error;
	}
	started_.notify_all();
	if (started) {
		embedder_->run(session_, 0); // until stop() interrupts it, or a script called process.exit
		if (env_ != nullptr)         // process.exit: the references are still to drop
			shut_down();
		embedder_->stop(session_);
		session_ = nullptr;
	}
	Owner::set_owner_thread(false);
}

bool LoaderState::start_here(const std::string &script, bool spin, std::string &error) {
	char reason[2048] = "";
	env_ = nullptr;
	session_ = embedder_->start(script.c_str(), exited, this, reason, sizeof reason);
	if (session_ == nullptr) {
		error = reason;
		return false;
	}
	if (env_ == nullptr || wake_ == nullptr) {
		error = "the start-up script did not attach the loader";
		embedder_->stop(session_);
		session_ = nullptr;
		return false;
	}
	owner_.open(wake_, spin);
	running_.store(true);
	// Node's start-up (no snapshot in Debian's build: it compiles its bootstrap JavaScript) frees
	// megabytes it no longer needs; give them back to the system instead of leaving them in malloc.
	malloc_trim(0);
	return true;
}

bool LoaderState::pump(std::string &error) {
	if (!start(true, error))
		return false;
	embedder_->run(session_, 1);
	return true;
}

void LoaderState::stop() {
	std::lock_guard lock(lifecycle_mutex_);
	if (pumped_) {
		if (running_.load() && !Owner::on_owner_thread()) {
			// Node's isolate belongs to the pumping thread: nothing here may touch it.
			metacall_loader_log("error", "node loader: metacall_destroy ran on another thread than the one "
			                             "pumping Node: its environment is left running, unreachable");
			owner_.close();
			running_.store(false);
			return;
		}
		if (env_ != nullptr)
			shut_down();
		if (session_ != nullptr)
			embedder_->stop(session_);
		session_ = nullptr;
		pumped_ = false;
		Owner::set_owner_thread(false);
		return;
	}
	if (!thread_.joinable())
		return;
	auto stop_work = [this] {
		shut_down();
		embedder_->interrupt(session_);
	};
	owner_.run(stop_work); // false when the environment already ended: the thread is exiting
	thread_.join();
}

void LoaderState::shut_down() {
	reject_pending_promises(*this);
	owner_.close();
	running_.store(false);
	// The core may still hold functions and modules (their memory stays until the state goes);
	// their references into the environment go now.
	{
		EnvScope scope(*this);
		for (auto &[function, owned] : functions_) {
			napi_delete_reference(env_, function->ref);
			function->ref = nullptr;
		}
		for (auto &[module, owned] : modules_) {
			napi_delete_reference(env_, module->exports);
			module->exports = nullptr;
		}
	}
	napi_async_destroy(env_, async_context_);
	napi_delete_reference(env_, resource_);
	napi_delete_reference(env_, helpers_);
	napi_release_threadsafe_function(wake_, napi_tsfn_abort);
	async_context_ = nullptr;
	resource_ = helpers_ = nullptr;
	wake_ = nullptr;
	env_ = nullptr;
}

void LoaderState::exited(void *context, int code) {
	auto *state = static_cast<LoaderState *>(context);
	metacall_loader_log("warn", "node loader: a script called process.exit(%d): the Node environment stops",
	                    code);
	state->ended_.store(true);
	state->running_.store(false);
	state->owner_.close(); // callers waiting on other threads get an error now
}

void LoaderState::wake(napi_env env, napi_value, void *context, void *) {
	if (env != nullptr) // nullptr: the thread-safe function is being torn down
		static_cast<LoaderState *>(context)->owner_.drain();
}

napi_value LoaderState::attach(napi_env env, napi_value factory) {
	env_ = env;
	napi_value native = nullptr, settle = nullptr, helpers = nullptr, resource = nullptr, name = nullptr;
	if (napi_create_object(env, &native) != napi_ok ||
	    napi_create_function(env, "settle", NAPI_AUTO_LENGTH, settle_callback, nullptr, &settle) != napi_ok ||
	    napi_set_named_property(env, native, "settle", settle) != napi_ok ||
	    napi_call_function(env, native, factory, 1, &native, &helpers) != napi_ok ||
	    napi_create_reference(env, helpers, 1, &helpers_) != napi_ok ||
	    napi_create_object(env, &resource) != napi_ok ||
	    napi_create_reference(env, resource, 1, &resource_) != napi_ok ||
	    napi_create_string_utf8(env, "metacall", NAPI_AUTO_LENGTH, &name) != napi_ok ||
	    napi_async_init(env, resource, name, &async_context_) != napi_ok ||
	    napi_create_threadsafe_function(env, nullptr, nullptr, name, 0, 1, nullptr, nullptr, this, wake,
	                                    &wake_) != napi_ok) {
		env_ = nullptr;
		return nullptr; // the pending exception fails the start-up script
	}
	return nullptr;
}

std::string LoaderState::node_version() {
	const napi_node_version *version = nullptr;
	if (env_ == nullptr || napi_get_node_version(env_, &version) != napi_ok)
		return "?";
	return std::to_string(version->major) + "." + std::to_string(version->minor) + "." +
	       std::to_string(version->patch);
}

napi_value LoaderState::helper(const char *name) {
	napi_value helpers = nullptr, fn = nullptr;
	napi_get_reference_value(env_, helpers_, &helpers);
	napi_get_named_property(env_, helpers, name, &fn);
	return fn;
}

bool LoaderState::call(napi_value fn, size_t argc, const napi_value *argv, napi_value *result) {
	napi_value receiver = nullptr;
	napi_get_undefined(env_, &receiver);
	return napi_call_function(env_, receiver, fn, argc, argv, result) == napi_ok;
}

JsFunction *LoaderState::add_function(napi_value fn) {
	auto function = std::make_unique<JsFunction>();
	napi_create_reference(env_, fn, 1, &function->ref);
	JsFunction *raw = function.get();
	functions_.emplace(raw, std::move(function));
	return raw;
}

void LoaderState::release_function(JsFunction *function) {
	auto found = functions_.find(function);
	if (found == functions_.end())
		return;
	if (function->ref != nullptr)
		napi_delete_reference(env_, function->ref);
	functions_.erase(found);
}

EnvScope::EnvScope(LoaderState &state) : state_(state) {
	napi_open_handle_scope(state.env_, &handles_);
	if (state.call_depth_++ == 0) {
		napi_value resource = nullptr;
		napi_get_reference_value(state.env_, state.resource_, &resource);
		napi_open_callback_scope(state.env_, resource, state.async_context_, &callbacks_);
	}
}

EnvScope::~EnvScope() {
	if (callbacks_ != nullptr)
		napi_close_callback_scope(state_.env_, callbacks_);
	--state_.call_depth_;
	napi_close_handle_scope(state_.env_, handles_);
}

} // namespace node_loader
