// C sources compiled in memory by TinyCC (libtcc): MetaCall's way to load a `.c` file, or C text
// holding function bodies. The code lives as long as the returned source (see symbol_source.h).
#ifndef C_LOADER_TCC_COMPILER_H
#define C_LOADER_TCC_COMPILER_H

#include "symbol_source.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace c_loader {

// One translation unit to compile: a file, or text standing for the file `name` in messages.
struct CSource {
	std::filesystem::path file; // empty for text
	std::string text;           // read when `file` is empty
	std::string name;           // for messages: the file's path, or the handle's name
};

// Compiles and links `sources` into one unit in memory. `folders` (the execution paths) are
// searched for `#include "..."`/`<...>` and for `-l` libraries, before the system's; the folder of
// libmetacall's headers is searched too, so a source can include <metacall/metacall.h> and call
// back into the runtime. Undefined symbols resolve against the process (the program and the
// libraries loaded with it or RTLD_GLOBAL). Throws LoadError with TinyCC's messages
// ("file.c:3: error: ..."). Without TinyCC in the build it throws LoadError saying so.
std::shared_ptr<const SymbolSource> compile_sources(const std::vector<CSource> &sources,
                                                    const std::vector<std::filesystem::path> &folders);

} // namespace c_loader

#endif
