#include "loader_state.h"

#include "grant.h"

#include <metacall/metacall_loader.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace wasm_loader {
namespace {

namespace fs = std::filesystem;

bool is_module_file(const fs::path &path) {
	return path.extension() == ".wasm" || path.extension() == ".wat";
}

} // namespace

std::string read_file(const std::string &path) {
	std::error_code error;
	if (fs::is_directory(path, error))
		throw std::runtime_error("'" + path + "' is a folder (load it with metacall_load_from_package)");
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw std::runtime_error("cannot open '" + path + "'");
	return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void LoaderState::add_execution_path(const std::string &folder) {
	execution_paths_.push_back(folder);
}

std::vector<std::string> LoaderState::package_files(const std::string &path) const {
	std::vector<fs::path> candidates;
	if (fs::path(path).is_absolute()) {
		candidates.emplace_back(path);
	} else {
		for (const std::string &folder : execution_paths_)
			candidates.push_back(fs::path(folder) / path);
		candidates.push_back(fs::current_path() / path);
	}
	std::error_code error;
	for (const fs::path &candidate : candidates) {
		if (fs::is_regular_file(candidate, error))
			return {candidate.string()};
		if (fs::is_directory(candidate, error)) {
			std::vector<std::string> files;
			for (const auto &entry : fs::directory_iterator(candidate, error))
				if (entry.is_regular_file() && is_module_file(entry.path()))
					files.push_back(entry.path().string());
			std::sort(files.begin(), files.end());
			if (files.empty())
				throw std::runtime_error("the folder '" + candidate.string() +
				                         "' holds no .wasm or .wat file");
			return files;
		}
	}
	std::string tried;
	for (const fs::path &candidate : candidates)
		tried += (tried.empty() ? "" : ", ") + candidate.string();
	throw std::runtime_error("no module or folder '" + path + "' (tried " + tried + ")");
}

std::unique_ptr<Module> LoaderState::load(const std::vector<std::pair<std::string, std::string>> &sources) {
	const Grant grant = grant_from(metacall_loader_load_options());
	auto module = std::make_unique<Module>();
	std::vector<std::shared_ptr<Plugin>> plugins;
	for (const auto &[name, bytes] : sources) {
		plugins.push_back(
		    Plugin::load(engines_, name, bytes, grant, [this](const std::shared_ptr<Plugin> &plugin) {
			    std::lock_guard lock(mutex_); // interruptible from now on
			    plugins_.push_back(plugin);
		    }));
		for (auto &function : plugins.back()->take_exports())
			module->functions.push_back(std::move(function));
	}
	std::lock_guard lock(mutex_);
	plugins_.erase(
	    std::remove_if(plugins_.begin(), plugins_.end(), [](const auto &weak) { return weak.expired(); }),
	    plugins_.end());
	return module;
}

int LoaderState::interrupt(const void *origin) {
	int asked = 0;
	{
		std::lock_guard lock(mutex_);
		for (const auto &weak : plugins_)
			if (auto plugin = weak.lock())
				asked += plugin->request_stop(origin) ? 1 : 0;
	}
	if (asked != 0)
		engines_.tick();
	return asked;
}

std::shared_ptr<Export> *LoaderState::hold(std::shared_ptr<Export> function) {
	auto reference = std::make_unique<std::shared_ptr<Export>>(std::move(function));
	std::shared_ptr<Export> *key = reference.get();
	std::lock_guard lock(references_mutex_);
	references_.emplace(key, std::move(reference));
	return key;
}

void LoaderState::release(std::shared_ptr<Export> *reference) {
	std::unique_ptr<std::shared_ptr<Export>> released; // freed outside the lock
	std::lock_guard lock(references_mutex_);
	auto found = references_.find(reference);
	if (found != references_.end()) {
		released = std::move(found->second);
		references_.erase(found);
	}
}

} // namespace wasm_loader
