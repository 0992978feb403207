// The state of the started C loader: execution paths, loaded modules, and the functions the core
// references. One mutex guards it; calls never touch it.
#ifndef C_LOADER_LOADER_STATE_H
#define C_LOADER_LOADER_STATE_H

#include "module.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace c_loader {

class LoaderState {
public:
	void add_execution_path(std::filesystem::path folder);
	std::vector<std::filesystem::path> execution_paths() const;

	// Takes `module`; the pointer is its identity for the core.
	Module *add_module(std::unique_ptr<Module> module);
	// The functions of a live module; nullopt when `module` is not live.
	std::optional<std::vector<std::shared_ptr<const FunctionBinding>>> functions_of(const void *module) const;
	// false when `module` is not live (never loaded, or already cleared).
	bool remove_module(const void *module);

	// Keeps `function` (and its library) alive until release(), which may come after its clear.
	void reference(std::shared_ptr<const FunctionBinding> function);
	void release(const void *function);

private:
	mutable std::mutex mutex_;
	std::vector<std::filesystem::path> execution_paths_;
	std::unordered_map<const void *, std::unique_ptr<Module>> modules_;
	std::unordered_map<const void *, std::shared_ptr<const FunctionBinding>> referenced_;
};

} // namespace c_loader

#endif
