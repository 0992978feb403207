#include "loader_state.h"

#include "bootstrap_js.h"
#include "js_calls.h"
#include "js_interrupts.h"
#include "js_object_proxy.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <atomic>
#include <dlfcn.h>
#include <malloc.h>
#include <time.h>

#include <chrono>
#include <thread>
#include <vector>

namespace node_loader {
namespace {

std::atomic<LoaderState *> current_state{nullptr};

// A clock that costs no system call, for "once a millisecond": in nanoseconds, so that the call
// path divides nothing (the clock itself steps by a jiffy, 1-4 ms).
int64_t coarse_now_ns() {
	timespec now{};
	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	return static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// The folder and file of this library: the addon the start-up script opens, beside the embedder.
std::string own_path() {
	Dl_info info{};
	if (dladdr(reinterpret_cast<void *>(&own_path), &info) == 0 || info.dli_fname == nullptr)
		return "";
	return info.dli_fname;
}

const node_loader_embedder *open_embedder(NodeMode mode, void *apart_library, std::string &error) {
	const std::string self = own_path();
	const std::string path = self.substr(0, self.rfind('/') + 1) + NODE_LOADER_EMBEDDER_FILE;
	// Kept open: V8's platform, which lives in the process for good, points into it. Loaded apart:
	// its imports are bound to the libnode loaded apart before anything calls them: Node's and
	// libuv's, and V8's too in the isolated mode (in host-v8 mode, V8 is the process's).
	void *library = dlopen(path.c_str(), (apart_library != nullptr ? RTLD_LAZY : RTLD_NOW) | RTLD_LOCAL);
	if (library == nullptr) {
		error = std::string("cannot open the Node embedder ") + path + ": " + dlerror();
		return nullptr;
	}
	std::vector<const char *> patterns;
	if (loaded_apart(mode))
		patterns = {"_ZN4node*", "_ZNK4node*", "uv_*"};
	if (mode == NodeMode::isolated)
		patterns.insert(patterns.end(), {"_ZN2v8*", "_ZNK2v8*"});
	for (const char *pattern : patterns)
		if (metacall_loader_bind_imports(library, pattern, apart_library) < 0) {
			error =
			    std::string("cannot bind the Node embedder to the libnode loaded apart (") + pattern + ")";
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
	       "if (native.exports.relinkAddon) {\n"
	       "  // Loaded apart: an addon a script loads must bind to this Node, not to another one.\n"
	       "  const dlopen = process.dlopen;\n"
	       "  process.dlopen = function (module, filename, ...rest) {\n"
	       "    native.exports.relinkAddon(filename);\n"
	       "    return dlopen.call(this, module, filename, ...rest);\n"
	       "  };\n"
	       "}\n"
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

LoaderState::LoaderState(std::string tag, NodeMode mode, void *apart_library)
    : tag_(std::move(tag)), mode_(mode), host_(mode == NodeMode::host), apart_library_(apart_library),
      proxies_(std::make_shared<ProxyCache>()) {}

LoaderState::~LoaderState() {
	stop();
	LoaderState *self = this;
	current_state.compare_exchange_strong(self, nullptr);
}

bool LoaderState::start(bool pumped, std::string &error, int pump_options) {
	if (!pumped && running_.load(std::memory_order_acquire))
		return true; // every call asks: answered without the lock
	std::lock_guard lock(lifecycle_mutex_);
	if (ended_.load()) {
		error = "the Node environment has stopped (a script called process.exit); metacall_destroy and "
		        "metacall_initialize start a new one";
		return false;
	}
	if (running_.load()) {
		if (pumped && !is_home() && !shared_) { // shared: any thread may turn the loop
			error = pumped_ ? "the Node environment is pumped by another thread"
			                : "the Node environment already runs on the loader's own thread (call "
			                  "metacall_pump before the first load of this tag to drive it from the host)";
			return false;
		}
		return true;
	}
	current_state.store(this, std::memory_order_release);
	if (host_) {
		if (pumped) {
			error = "inside a Node process, Node's own event loop runs the loader: there is nothing to pump";
			return false;
		}
		environment_ = NodeEnvironment::host();
		if (environment_ == nullptr) {
			error = "this process already runs Node.js, and the loader works in it: attach it first from "
			        "JavaScript (require('metacall') does; or process.dlopen this library and call its "
			        "host(require))";
			return false;
		}
		running_.store(true);
		metacall_loader_log("info", "node loader: working in the process's own Node %s",
		                    environment_->node_version().c_str());
		return true;
	}
	if (thread_.joinable())
		thread_.join(); // an earlier environment that ended (process.exit)
	if (embedder_ == nullptr && (embedder_ = open_embedder(mode_, apart_library_, error)) == nullptr)
		return false;
	const std::string script = main_script();
	if (pumped) {
		Owner::set_owner_thread(true);
		home_ = std::this_thread::get_id();
		pumped_ = true;
		if (!start_here(script, error, pump_options)) {
			Owner::set_owner_thread(false);
			pumped_ = false;
			return false;
		}
		metacall_loader_log("info", "node loader: Node %s started on the pumping thread%s",
		                    environment_->node_version().c_str(),
		                    shared_ ? ", shared with the other threads" : "");
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
	metacall_loader_log("info", "node loader: Node %s started on its own thread",
	                    environment_->node_version().c_str());
	return true;
}

void LoaderState::own_thread_main(std::string script) {
	Owner::set_owner_thread(true);
	std::string error;
	const bool started = start_here(script, error);
	{
		std::lock_guard lock(start_mutex_);
		start_done_ = true;
		start_error_ = started ? "" : error;
	}
	started_.notify_all();
	if (started) {
		embedder_->run(session_, 0); // until stop() interrupts it, or a script called process.exit
		if (own_environment_open())  // process.exit: the references are still to drop
			shut_down();
		stop_session();
		session_ = nullptr;
	}
	Owner::set_owner_thread(false);
}

bool LoaderState::start_here(const std::string &script, std::string &error, int pump_options) {
	char reason[2048] = "";
	node_loader_embedder_options options{};
	if (mode_ == NodeMode::host_v8) {
		options.host_v8 = 1;
		options.v8_abi = static_cast<const char *>(dlsym(apart_library_, "node_v8less_v8_abi"));
	}
	options.heap_limit = heap_limit_.load();
	options.on_heap_limit = JsInterrupts::heap_limit_reached;
	session_ = embedder_->start(script.c_str(), &options, exited, this, reason, sizeof reason);
	if (session_ != nullptr)
		JsInterrupts::instance().attach(embedder_, session_);
	if (session_ == nullptr) {
		error = reason;
		return false;
	}
	if (own_environment_ == nullptr) {
		error = "the start-up script did not attach the loader";
		stop_session();
		session_ = nullptr;
		return false;
	}
	environment_ = own_environment_.get();
	if (embedder_->end_call != nullptr && embedder_->end_call(session_, nullptr) != 0)
		environment_->end_calls_with(embedder_->end_call, session_);
	turn_on_calls_ = (pump_options & METACALL_PUMP_ON_CALLS) != 0;
	if ((pump_options & METACALL_PUMP_SHARED) != 0)
		share(); // before running_: no caller may queue work for an owner that will never drain it
	running_.store(true);
	// Node's start-up (no snapshot in Debian's build: it compiles its bootstrap JavaScript) frees
	// megabytes it no longer needs; give them back to the system instead of leaving them in malloc.
	malloc_trim(0);
	return true;
}

void LoaderState::stop_session() {
	JsInterrupts::instance().detach();
	embedder_->stop(session_);
}

bool LoaderState::set_heap_limit(size_t bytes, std::string &error) {
	if (host_) {
		error = "inside a Node process the JS heap is the host's: cap it with node's --max-old-space-size";
		return false;
	}
	heap_limit_.store(bytes);
	if (running_.load())
		metacall_loader_log("warn", "node loader: the heap cap applies to the next Node environment (after "
		                            "metacall_destroy): V8 sizes a heap when it makes it");
	return true;
}

bool LoaderState::pump(std::string &error, int options) {
	if (!start(true, error, options))
		return false;
	constexpr const char *kNested = "metacall_pump ran inside a call of Node (a callback of a script): the "
	                                "event loop cannot run inside itself";
	if (!shared_) {
		if (pumping_ || environment_->call_depth() > 0) {
			error = kNested;
			return false;
		}
		pumping_ = true;
		embedder_->run(session_, 1);
		pumping_ = false;
		return true;
	}
	// Shared: any thread turns the loop, under the lock (the checks too: they read the owner's state).
	bool nested = false;
	auto turn = [this, &nested] {
		if (pumping_ || environment_->call_depth() > 0)
			nested = true;
		else
			run_loop_once();
	};
	if (!owner().run(turn)) {
		error = "the Node environment has stopped";
		return false;
	}
	if (nested)
		error = kNested;
	return !nested;
}

void LoaderState::run_loop_once() {
	pumping_ = true;
	embedder_->run(session_, 1);
	pumping_ = false;
	last_turn_ns_ = coarse_now_ns();
}

bool LoaderState::poll(int &fd, int &timeout_ms, std::string &error) {
	if (!running_.load() || !is_home()) {
		error = "metacall_pump_poll: the Node environment is not pumped by this thread (call metacall_pump "
		        "first, on this thread)";
		return false;
	}
	auto ask = [&] {
		embedder_->poll(session_, &fd, &timeout_ms);
		const long long due = embedder_->next_due(session_);
		announced_deadline_ = due < 0 ? INT64_MAX : due;
		watched_.store(true);
	};
	if (!owner().run(ask)) {
		error = "the Node environment has stopped";
		return false;
	}
	return true;
}

void LoaderState::share() {
	embedder_->share(session_);
	SharedHooks hooks;
	hooks.context = this;
	hooks.enter = [](void *context, void *slot) {
		auto *self = static_cast<LoaderState *>(context);
		self->embedder_->enter(self->session_, slot);
	};
	hooks.leave = [](void *context, void *slot) {
		auto *self = static_cast<LoaderState *>(context);
		self->embedder_->leave(self->session_, slot);
	};
	hooks.enter_opens_handles = true;
	hooks.begin = [](void *context) { static_cast<LoaderState *>(context)->begin_use(); };
	hooks.settle = [](void *context) { static_cast<LoaderState *>(context)->settle_use(); };
	own_environment_->owner().share(hooks);
	Owner::set_owner_thread(false); // the home thread too holds the environment only while it uses it
	shared_ = true;
}

void LoaderState::begin_use() {
	// METACALL_PUMP_ON_CALLS: the home thread's calls first give the loop a turn now and then, so
	// that timers and I/O progress while the host calls without pumping, and what was due before a
	// call has run when it starts.
	if (turn_on_calls_ && !pumping_ && is_home() && coarse_now_ns() - last_turn_ns_ >= 1000000)
		run_loop_once();
}

void LoaderState::settle_use() {
	owner().run_lazy(); // releases: they need no handle scope, nor the end of a call after them
	if (owner().has_posted()) {
		EnvScope scope(*environment_);
		owner().run_posted();
	}
	if (pumping_)
		return; // a pump (or a load's wait) turns the loop itself
	// A host's loop waits for the timer it was told of: tell it of an earlier one.
	if (watched_.load(std::memory_order_relaxed)) {
		const long long due = embedder_->next_due(session_);
		if (due >= 0 && due < announced_deadline_) {
			announced_deadline_ = due;
			owner().kick();
		}
	}
}

bool LoaderState::can_turn_loop() const {
	if (shared_)
		return !Owner::on_owner_thread(); // outside any use: the loop turns under the lock
	return pumped_ && !pumping_ && Owner::on_owner_thread() && environment_ != nullptr &&
	       environment_->call_depth() == 0;
}

void LoaderState::turn_loop() {
	if (shared_) {
		auto turn = [this] { run_loop_once(); };
		environment_->owner().run(turn);
	} else {
		pumping_ = true;
		embedder_->run(session_, 1);
		pumping_ = false;
	}
	// The files of an import are read on libuv's thread pool: give it a moment before the next turn.
	std::this_thread::sleep_for(std::chrono::microseconds(100));
}

int LoaderState::drain(const char *reason) {
	if (host_ || !running_.load())
		return 0;
	int count = 0;
	auto work = [this, reason, &count] {
		if (!running_.load())
			return; // a script called process.exit meanwhile
		if (reason != nullptr)
			reject_unsettled(*this, reason);
		else
			count = pending_work(*this);
	};
	if (shared_) {
		auto shared_work = [this, reason, &work] {
			if (reason == nullptr && !pumping_)
				run_loop_once(); // timers and I/O progress while destroy waits
			work();
		};
		return environment_->owner().run(shared_work) ? count : 0;
	}
	if (pumped_) {
		if (!Owner::on_owner_thread() || pumping_)
			return 0; // another thread pumps: stop() says what becomes of it
		if (reason == nullptr)
			embedder_->run(session_, 1); // timers and I/O progress while destroy waits
		work();
		return count;
	}
	return environment_->owner().run(work) ? count : 0;
}

void LoaderState::stop() {
	std::lock_guard lock(lifecycle_mutex_);
	if (host_) {
		// The host's Node goes on: only what the loader holds in it goes, on its thread.
		if (!running_.load())
			return;
		auto release = [this] { release_all(); };
		if (!environment_->owner().run(release))
			metacall_loader_log("warn",
			                    "node loader: the host's Node no longer runs: the loader's references "
			                    "in it are left to it");
		running_.store(false);
		return;
	}
	if (pumped_) {
		if (running_.load() && !is_home()) {
			// Node's isolate belongs to the pumping thread: nothing here may touch it.
			metacall_loader_log("error", "node loader: metacall_destroy ran on another thread than the one "
			                             "pumping Node: its environment is left running, unreachable");
			own_environment_->owner().close();
			running_.store(false);
			return;
		}
		if (shared_) {
			own_environment_->owner().unshare(); // waits for the use of another thread to end
			embedder_->unshare(session_);
			Owner::set_owner_thread(true);
			shared_ = false;
		}
		if (own_environment_open())
			shut_down();
		if (session_ != nullptr)
			stop_session();
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
	// False when the environment already ended (process.exit): the thread is exiting by itself.
	if (own_environment_open())
		own_environment_->owner().run(stop_work);
	thread_.join();
}

void LoaderState::release_all() {
	reject_pending_promises(*this);
	running_.store(false);
	function_names_.clear(); // after: JS run by the rejections may still call by name
	// The core may still hold functions, objects and modules (their memory stays until the state goes);
	// their references into the environment go now.
	EnvScope scope(*environment_);
	method_callers_.clear(env());
	for (auto &[function, owned] : functions_) {
		napi_delete_reference(env(), function->ref);
		function->ref = nullptr;
	}
	for (auto &[object, owned] : objects_) {
		napi_delete_reference(env(), object->ref);
		object->ref = nullptr;
	}
	for (auto &[module, owned] : modules_) {
		napi_delete_reference(env(), module->exports);
		module->exports = nullptr;
	}
}

void LoaderState::shut_down() {
	own_environment_->owner().close(); // waiting callers get an error from here on
	release_all();
	own_environment_->close(); // the object stays (closed) until the state goes: others may post to it
}

void LoaderState::exited(void *context, int code) {
	auto *state = static_cast<LoaderState *>(context);
	metacall_loader_log("warn", "node loader: a script called process.exit(%d): the Node environment stops",
	                    code);
	state->ended_.store(true);
	state->running_.store(false);
	state->own_environment_->owner().close(); // callers waiting on other threads get an error now
}

napi_value LoaderState::attach(napi_env env, napi_value factory) {
	own_environment_ = NodeEnvironment::create(env, factory, false);
	return nullptr; // on failure, the pending exception fails the start-up script
}

JsFunction *LoaderState::add_function(napi_value fn) {
	auto function = std::make_unique<JsFunction>();
	napi_create_reference(env(), fn, 1, &function->ref);
	JsFunction *raw = function.get();
	functions_.emplace(raw, std::move(function));
	return raw;
}

void LoaderState::release_function(JsFunction *function) {
	auto found = functions_.find(function);
	if (found == functions_.end())
		return;
	if (function->ref != nullptr)
		napi_delete_reference(env(), function->ref);
	functions_.erase(found);
}

JsObject *LoaderState::add_object(napi_value js, bool is_class, std::string class_name) {
	napi_ref ref = nullptr;
	if (napi_create_reference(env(), js, 1, &ref) != napi_ok)
		return nullptr;
	JsObject *object = nullptr;
	if (spare_objects_.empty()) {
		auto owned = std::make_unique<JsObject>();
		object = owned.get();
		objects_.emplace(object, std::move(owned));
	} else {
		object = spare_objects_.back().key();
		objects_.insert(std::move(spare_objects_.back()));
		spare_objects_.pop_back();
	}
	object->ref = ref;
	object->is_class = is_class;
	object->class_name = std::move(class_name);
	return object;
}

void LoaderState::release_object(JsObject *object) {
	auto found = objects_.find(object);
	if (found == objects_.end())
		return;
	if (object->ref != nullptr)
		napi_delete_reference(env(), object->ref);
	object->ref = nullptr;
	// The entry (its node and its JsObject) is kept for the next object: a view made and released
	// per call then allocates nothing here.
	constexpr size_t kSpareObjects = 64;
	if (spare_objects_.size() < kSpareObjects)
		spare_objects_.push_back(objects_.extract(found));
	else
		objects_.erase(found);
}

} // namespace node_loader
