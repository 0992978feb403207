// Built when CMake found no TinyCC: the rest of the loader works, C sources are refused.
#include "load_error.h"
#include "tcc_compiler.h"

namespace c_loader {

std::shared_ptr<const SymbolSource> compile_sources(const std::vector<CSource> &sources,
                                                    const std::vector<std::filesystem::path> &) {
	throw LoadError("cannot compile '" + (sources.empty() ? std::string("C source") : sources.front().name) +
	                "': this c loader was built without TinyCC (install Debian's libtcc-dev and tcc, then "
	                "rebuild); it loads shared libraries with their headers only");
}

} // namespace c_loader
