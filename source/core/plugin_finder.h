// Finds and opens the plug-in lib<tag>_loader.so of a tag.
#pragma once

#include <metacall/metacall_loader.h>

#include <optional>
#include <string>

namespace metacall_core {

struct Plugin {
	std::string path;
	const metacall_loader_interface *table = nullptr;
};

// Searches the folders of METACALL_LOADER_PATH, then <folder of libmetacall>/metacall. Returns the
// plug-in, or nothing after recording an error that names the tag and every path tried.
// Plug-ins stay mapped for the life of the process (runtimes such as V8 cannot be unloaded).
std::optional<Plugin> find_plugin(const std::string &tag);

} // namespace metacall_core
