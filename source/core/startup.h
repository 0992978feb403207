// What metacall_initialize learns before the loaders start: the host's flags and arguments
// (metacall_flags, metacall_initialize_args) and the folders each loader is given as execution
// paths when it starts (MetaCall's start-up configuration and LOADER_SCRIPT_PATH). Held by the
// runtime; kept across metacall_destroy and replaced by the next metacall_initialize.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace metacall_core {

class Loader;

// The execution paths of the start-up: absolute folders, in the order they are given.
struct StartupPaths {
	std::map<std::string, std::vector<std::string>> by_tag; // from "<tag>_loader" files
	std::vector<std::string> scripts;                       // LOADER_SCRIPT_PATH, for every tag
};

// Reads CONFIGURATION_PATH's global file, the loader files it names, and LOADER_SCRIPT_PATH into
// `out`. A missing CONFIGURATION_PATH, or one naming no file, is no error (a warning is logged for
// the latter, as MetaCall does). Returns false after recording an error (and logging it) when a
// file is malformed: not JSON, not an object, a loader file that cannot be read, an
// "execution_paths" that is not an array of strings.
bool read_startup_paths(StartupPaths &out);

class Startup {
public:
	void set_flags(int flags);
	void set_args(int argc, char **argv);
	int argc() const;
	char **argv() const;

	void set_paths(StartupPaths paths);
	// Gives the just-started `loader` its start-up execution paths, the configuration's first and
	// LOADER_SCRIPT_PATH's after them (MetaCall's order); a path the loader refuses is logged.
	void apply(Loader &loader) const;

private:
	mutable std::mutex mutex_;
	int flags_ = 0;
	int argc_ = 0;
	char **argv_ = nullptr;
	StartupPaths paths_;
};

} // namespace metacall_core
