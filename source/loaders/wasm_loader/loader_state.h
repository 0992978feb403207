// The wasm loader's state: its engines, the folders it searches, and every plug-in it loaded
// (for metacall_interrupt, which may come from any thread).
#pragma once

#include "engines.h"
#include "plugin.h"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace wasm_loader {

// What one load brought in: one plug-in per file.
struct Module {
	std::vector<std::shared_ptr<Export>> functions; // each keeps its plug-in alive
};

class LoaderState {
public:
	Engines &engines() { return engines_; }

	void add_execution_path(const std::string &folder);
	// The files of a package: a .wasm or .wat file as it is; a folder, its .wasm and .wat files
	// (in name order); a relative path is looked up in the execution paths, then the working
	// directory. Throws std::runtime_error naming what was tried.
	std::vector<std::string> package_files(const std::string &path) const;

	// Loads each of `sources` ((name, bytes) pairs) with the grant of the load in progress
	// (metacall_loader_load_options); all or nothing.
	std::unique_ptr<Module> load(const std::vector<std::pair<std::string, std::string>> &sources);

	// metacall_interrupt: how many running calls were asked to stop.
	int interrupt(const void *origin);

	// The core's reference to `function` (discover's data), owned here: release gives it back.
	// The core calls no function_release after destroy, so the ones left go with this state.
	std::shared_ptr<Export> *hold(std::shared_ptr<Export> function);
	void release(std::shared_ptr<Export> *reference);

private:
	Engines engines_;
	std::vector<std::string> execution_paths_;
	std::mutex mutex_;
	std::vector<std::weak_ptr<Plugin>> plugins_;
	// Last: freed before the engines their plug-ins' stores belong to.
	std::mutex references_mutex_;
	std::unordered_map<std::shared_ptr<Export> *, std::unique_ptr<std::shared_ptr<Export>>> references_;
};

// The bytes of the file `path`. Throws std::runtime_error when it cannot be read.
std::string read_file(const std::string &path);

} // namespace wasm_loader
