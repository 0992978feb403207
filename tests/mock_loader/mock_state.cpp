// The mock loader's state. One mutex guards it; it is never held while calling out of the loader.
#include "mock_state.h"

namespace mock {

State::~State() {
	std::list<Worker> workers;
	{
		std::lock_guard lock(mutex_);
		workers.swap(workers_);
	}
	for (Worker &worker : workers) {
		// A worker that destroys the runtime from its own callback cannot join itself; it is about
		// to finish anyway, so it is the one thread let go.
		if (worker.thread.get_id() == std::this_thread::get_id())
			worker.thread.detach();
		else
			worker.thread.join();
	}
}

void State::add_execution_path(std::filesystem::path folder) {
	std::lock_guard lock(mutex_);
	execution_paths_.push_back(std::move(folder));
}

std::vector<std::filesystem::path> State::execution_paths() const {
	std::lock_guard lock(mutex_);
	return execution_paths_;
}

Module *State::add_module(std::vector<Declaration> declarations) {
	auto module = std::make_unique<Module>();
	for (Declaration &declaration : declarations)
		module->functions.push_back(std::make_shared<const Function>(std::move(declaration)));
	Module *identity = module.get();
	std::lock_guard lock(mutex_);
	modules_.emplace(identity, std::move(module));
	return identity;
}

std::optional<std::vector<std::shared_ptr<const Function>>> State::functions_of(const Module *module) const {
	std::lock_guard lock(mutex_);
	const auto found = modules_.find(module);
	if (found == modules_.end())
		return std::nullopt;
	return found->second->functions;
}

void State::reference(std::shared_ptr<const Function> function) {
	std::lock_guard lock(mutex_);
	referenced_.emplace(function.get(), std::move(function));
}

void State::release(const Function *function) {
	std::shared_ptr<const Function> last; // destroyed after the lock is released
	std::lock_guard lock(mutex_);
	const auto found = referenced_.find(function);
	if (found == referenced_.end())
		return;
	last = std::move(found->second);
	referenced_.erase(found);
}

bool State::remove_module(const Module *module) {
	std::unique_ptr<Module> removed; // destroyed after the lock is released
	std::lock_guard lock(mutex_);
	const auto found = modules_.find(module);
	if (found == modules_.end())
		return false;
	removed = std::move(found->second);
	modules_.erase(found);
	return true;
}

void State::join_finished_workers() {
	for (auto worker = workers_.begin(); worker != workers_.end();) {
		if (worker->finished->load()) {
			worker->thread.join();
			worker = workers_.erase(worker);
		} else {
			++worker;
		}
	}
}

} // namespace mock
