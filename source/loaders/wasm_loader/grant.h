// What a plug-in may do, given at load time (metacall_load_from_*_ex options, README.md
// "Capabilities and limits"): WASI folders, environment, arguments and standard streams, and the
// limits of its calls. Nothing is granted by default.
#pragma once

#include <wasi.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wasm_loader {

struct Preopen {
	std::string host, guest;
	bool write = false;
};

// A standard stream: "closed" (the default), "inherit" (the host's), or a host file
// ({"file": path}: read for stdin, created or truncated for stdout and stderr).
struct Stream {
	std::string mode = "closed";
	std::string file;
};

struct Grant {
	std::vector<Preopen> dirs;
	std::vector<std::pair<std::string, std::string>> env;
	std::vector<std::string> args;
	Stream in, out, err;
	std::uint64_t fuel = 0;   // instructions' fuel per call; 0: no limit
	std::int64_t memory = -1; // bytes of linear memory per instance; -1: no cap
};

// The grant in `options` (a Map value, borrowed; NULL: nothing granted). Throws
// std::runtime_error naming the key for an unknown key or a value of the wrong type.
Grant grant_from(void *options);

// A WASI configuration granting exactly `grant` (new, owned by the caller until given to a
// store). Throws std::runtime_error when a folder or file cannot be opened.
wasi_config_t *wasi_config_of(const Grant &grant);

} // namespace wasm_loader
