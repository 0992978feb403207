#include "loader_state.h"

namespace c_loader {

void LoaderState::add_execution_path(std::filesystem::path folder) {
	std::lock_guard lock(mutex_);
	execution_paths_.push_back(std::move(folder));
}

std::vector<std::filesystem::path> LoaderState::execution_paths() const {
	std::lock_guard lock(mutex_);
	return execution_paths_;
}

Module *LoaderState::add_module(std::unique_ptr<Module> module) {
	Module *identity = module.get();
	std::lock_guard lock(mutex_);
	modules_.emplace(identity, std::move(module));
	return identity;
}

std::optional<std::vector<std::shared_ptr<const FunctionBinding>>>
LoaderState::functions_of(const void *module) const {
	std::lock_guard lock(mutex_);
	auto found = modules_.find(module);
	if (found == modules_.end())
		return std::nullopt;
	return found->second->functions;
}

bool LoaderState::remove_module(const void *module) {
	std::unique_ptr<Module> removed; // released after the lock: it may close a library
	std::lock_guard lock(mutex_);
	auto found = modules_.find(module);
	if (found == modules_.end())
		return false;
	removed = std::move(found->second);
	modules_.erase(found);
	return true;
}

void LoaderState::reference(std::shared_ptr<const FunctionBinding> function) {
	const void *identity = function.get();
	std::lock_guard lock(mutex_);
	referenced_[identity] = std::move(function);
}

void LoaderState::release(const void *function) {
	std::shared_ptr<const FunctionBinding> released; // released after the lock: it may close a library
	std::lock_guard lock(mutex_);
	auto found = referenced_.find(function);
	if (found == referenced_.end())
		return;
	released = std::move(found->second);
	referenced_.erase(found);
}

} // namespace c_loader
