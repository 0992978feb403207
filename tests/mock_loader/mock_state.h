// The state of one started mock loader: execution paths, loaded modules, the functions the core
// references, and the worker threads of async calls.
#ifndef MOCK_STATE_H
#define MOCK_STATE_H

#include "mock_script.h"

#include <atomic>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mock {

// One declared function. Shared: the module and the core's reference each keep it alive, so it
// outlives a clear until the core calls function_release.
struct Function : std::enable_shared_from_this<Function> {
	explicit Function(Declaration d) : declaration(std::move(d)) {}
	const Declaration declaration;
};

struct Module {
	std::vector<std::shared_ptr<const Function>> functions;
};

class State {
public:
	State() = default;
	State(const State &) = delete;
	State &operator=(const State &) = delete;
	~State(); // joins the async workers

	void add_execution_path(std::filesystem::path folder);
	std::vector<std::filesystem::path> execution_paths() const;

	// Takes the parsed declarations as a new module; the pointer is the module's identity for the core.
	Module *add_module(std::vector<Declaration> declarations);
	// The functions of `module`; nullopt when `module` is not live (never loaded, or cleared).
	std::optional<std::vector<std::shared_ptr<const Function>>> functions_of(const Module *module) const;
	// Keeps `function` alive for the core until release(): it may outlive its module's clear.
	void reference(std::shared_ptr<const Function> function);
	void release(const Function *function);
	// false when `module` is not live (never loaded, or already cleared).
	bool remove_module(const Module *module);

	// Runs `job` on a new worker thread, kept until it has finished and been joined.
	template <typename Job>
	void start_worker(Job job) {
		auto finished = std::make_shared<std::atomic<bool>>(false);
		std::lock_guard lock(mutex_);
		join_finished_workers();
		Worker &worker = workers_.emplace_back();
		worker.finished = finished;
		try {
			worker.thread = std::thread([job = std::move(job), finished]() mutable {
				job();
				finished->store(true);
			});
		} catch (...) {
			workers_.pop_back();
			throw;
		}
	}

private:
	struct Worker {
		std::thread thread;
		std::shared_ptr<std::atomic<bool>> finished;
	};

	void join_finished_workers(); // with mutex_ held

	mutable std::mutex mutex_;
	std::vector<std::filesystem::path> execution_paths_;
	std::unordered_map<const Module *, std::unique_ptr<Module>> modules_;
	std::unordered_map<const Function *, std::shared_ptr<const Function>> referenced_;
	std::list<Worker> workers_;
};

} // namespace mock

#endif
