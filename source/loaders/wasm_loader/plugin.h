// One instantiated WebAssembly module: its store (with the grant's WASI context and limits), its
// instance and its exported functions. Calls into one plug-in are serialized (a wasmtime store
// is single-threaded); a host function a plug-in calls may call back into it.
#pragma once

#include "grant.h"
#include "signatures.h"

#include <metacall/metacall_value.h>
#include <wasmtime.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace wasm_loader {

class Engines;
class Plugin;

// An exported function, as the core sees it (the loader's `function` data).
struct Export {
	std::shared_ptr<Plugin> plugin;
	std::string name;
	wasmtime_func_t func;
	std::vector<wasm_valkind_t> wasm_params, wasm_results;
	std::optional<DeclaredSignature> declared; // from metacall_signatures
	// What discover reports.
	std::vector<std::string> param_names;
	std::vector<enum metacall_value_id> param_ids;
	enum metacall_value_id result_id = METACALL_INVALID;
};

class Plugin : public std::enable_shared_from_this<Plugin> {
public:
	// Compiles `bytes` (a binary module, or WAT text), links its imports (WASI with `grant`,
	// host functions through the "metacall" import module) and instantiates it; a reactor's
	// _initialize runs. Throws std::runtime_error saying what failed ("name: ..."). `name`
	// (the file or handle name) is for messages. `created` sees the plug-in before its start
	// function runs, so that metacall_interrupt can stop a start function that does not end.
	static std::shared_ptr<Plugin> load(Engines &engines, const std::string &name, const std::string &bytes,
	                                    Grant grant,
	                                    const std::function<void(const std::shared_ptr<Plugin> &)> &created);
	~Plugin();
	Plugin(const Plugin &) = delete;
	Plugin &operator=(const Plugin &) = delete;

	const std::string &name() const { return name_; }
	// The exported functions, once (each keeps the plug-in alive: the module that took them owns them).
	std::vector<std::shared_ptr<Export>> take_exports() { return std::move(exports_); }

	// Calls `function` with `size` values (borrowed); a new value (the result, null, or a throwable).
	void *call(const Export &function, void *args[], size_t size);

	// Asks the call running now to stop when it was made on behalf of `origin` (NULL: any).
	// True when one was running and is asked to stop.
	bool request_stop(const void *origin);
	// The epoch deadline was reached: an error (which stops the call) when a stop was asked.
	wasmtime_error_t *on_epoch(uint64_t *delta);

private:
	explicit Plugin(Engines &engines, std::string name, Grant grant);
	void instantiate(const std::string &bytes);
	void collect_exports();
	// Copies `bytes` into the guest's memory (metacall_alloc); the guest address.
	uint32_t copy_in(const char *bytes, size_t size, const std::string &function);
	void release(uint32_t address, uint32_t size);
	void *value_of(const Export &function, const wasmtime_val_t &result);

	Engines &engines_;
	std::string name_;
	Grant grant_;
	wasmtime_store_t *store_ = nullptr;
	wasmtime_context_t *context_ = nullptr;
	wasmtime_instance_t instance_{};
	std::optional<wasmtime_memory_t> memory_;
	std::optional<wasmtime_func_t> alloc_, free_;
	std::vector<std::shared_ptr<Export>> exports_; // until take_exports

	std::recursive_mutex calling_;
	int depth_ = 0;                             // calls running (nested through host functions)
	std::atomic<const void *> origin_{nullptr}; // of the outermost call running
	std::atomic<bool> running_{false};
	std::atomic<bool> stop_{false};
};

} // namespace wasm_loader
