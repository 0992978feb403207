#include "module_loading.h"

#include "declaration_parser.h"
#include "library_paths.h"
#include "load_error.h"
#include "native_library.h"
#include "tcc_compiler.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

namespace c_loader {
namespace {

std::string read_header(const std::filesystem::path &path) {
	std::ifstream in(path, std::ios::binary);
	if (!in)
		throw LoadError("cannot read '" + path.string() + "'");
	return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Builds a struct's layout the first time a function passes it, once per module.
class Layouts {
public:
	explicit Layouts(const Declarations &declarations) : declarations_(declarations) {}

	std::shared_ptr<const StructLayout> find(const std::string &name) {
		if (auto built = built_.find(name); built != built_.end())
			return built->second;
		auto definition = declarations_.structs.find(name);
		if (definition == declarations_.structs.end())
			return nullptr; // declared only: passed as an opaque pointer
		auto layout = std::make_shared<const StructLayout>(definition->second);
		built_.emplace(name, layout);
		return layout;
	}

private:
	const Declarations &declarations_;
	std::map<std::string, std::shared_ptr<const StructLayout>> built_;
};

// Binds every declared function to its symbol in `library`. Every missing symbol is named.
std::unique_ptr<Module> bind_functions(const Declarations &declarations,
                                       const std::shared_ptr<const SymbolSource> &library) {
	auto module = std::make_unique<Module>();
	Layouts layouts(declarations);
	const LayoutLookup lookup = [&layouts](const std::string &name) { return layouts.find(name); };
	std::string missing;
	for (const FunctionDeclaration &declaration : declarations.functions) {
		void *address = library->symbol(declaration.symbol);
		if (address == nullptr) {
			missing += (missing.empty() ? "" : "; ") + declaration.where.describe() + ": " +
			           library->description() + " has no symbol '" + declaration.symbol + "'";
			if (declaration.symbol != declaration.name)
				missing += " (for '" + declaration.name + "')";
			continue;
		}
		module->functions.push_back(
		    std::make_shared<const FunctionBinding>(declaration, address, library, lookup));
	}
	if (!missing.empty())
		throw LoadError(missing);
	return module;
}

// TinyCC compiles `sources`, unless the host turned C sources off: TinyCC is not hardened against
// malformed source (a crash in it ends the process, as a broken native library would), so a host
// that loads C only as libraries and headers can refuse sources outright.
std::shared_ptr<const SymbolSource> compile_if_allowed(const std::vector<CSource> &sources,
                                                       const std::vector<std::filesystem::path> &folders) {
	const char *allowed = std::getenv("METACALL_C_SOURCES");
	if (allowed != nullptr && std::strcmp(allowed, "off") == 0)
		throw LoadError("C sources are turned off (METACALL_C_SOURCES=off): '" + sources.front().name +
		                "' defines functions; load a library and its header instead");
	return compile_sources(sources, folders);
}

// C sources compiled together, declaring what they define; `headers` are read first (their
// structs and typedefs are seen by the sources' prototypes).
std::unique_ptr<Module> load_sources(const std::vector<std::filesystem::path> &sources,
                                     const std::vector<std::filesystem::path> &headers,
                                     const std::vector<std::filesystem::path> &folders) {
	std::vector<CSource> inputs;
	for (const std::filesystem::path &source : sources)
		inputs.push_back(CSource{source, {}, source.string()});
	// Compiled first: a C error is reported as TinyCC sees it, before the declarations are read.
	std::shared_ptr<const SymbolSource> code = compile_if_allowed(inputs, folders);
	DeclarationParser parser;
	for (const std::filesystem::path &header : headers)
		parser.parse(read_header(header), header.string());
	for (const std::filesystem::path &source : sources)
		parser.parse(read_header(source), source.string(), TextKind::source);
	return bind_functions(parser.declarations(), code);
}

} // namespace

std::unique_ptr<Module> load_files(const std::vector<std::string> &paths,
                                   const std::vector<std::filesystem::path> &folders) {
	std::filesystem::path library;
	std::vector<std::filesystem::path> headers;
	std::vector<std::filesystem::path> sources;
	for (const std::string &path : paths) {
		if (is_source_name(path)) {
			sources.push_back(resolve_file(path, folders, "C source"));
			continue;
		}
		if (!is_library_name(path)) {
			headers.push_back(resolve_file(path, folders, "header"));
			continue;
		}
		if (!library.empty())
			throw LoadError("one load takes one library; got '" + library.string() + "' and '" + path +
			                "' (load them separately)");
		library = resolve_file(path, folders, "library");
	}
	if (!sources.empty()) {
		if (!library.empty())
			throw LoadError("one load takes C sources or a library, not both; got '" +
			                sources.front().string() + "' and '" + library.string() +
			                "' (load the library separately)");
		return load_sources(sources, headers, folders);
	}
	if (headers.empty())
		headers.push_back(header_beside(library));
	DeclarationParser parser;
	for (const std::filesystem::path &header : headers)
		parser.parse(read_header(header), header.string());
	return bind_functions(parser.declarations(),
	                      library.empty() ? NativeLibrary::process() : NativeLibrary::open(library));
}

std::unique_ptr<Module> load_memory(std::string_view source, const std::string &name,
                                    const std::vector<std::filesystem::path> &folders) {
	// A buffer measured with sizeof() brings its terminating NUL along (as MetaCall's callers do).
	source = source.substr(0, source.find('\0'));
	DeclarationParser parser;
	if (defines_functions(source)) {
		std::shared_ptr<const SymbolSource> code =
		    compile_if_allowed({CSource{{}, std::string(source), name}}, folders);
		parser.parse(source, name, TextKind::source);
		return bind_functions(parser.declarations(), code);
	}
	parser.parse(source, name);
	return bind_functions(parser.declarations(), NativeLibrary::process());
}

std::unique_ptr<Module> load_package(const std::string &path,
                                     const std::vector<std::filesystem::path> &folders) {
	const std::filesystem::path library = resolve_package(path, folders);
	const std::filesystem::path header = package_header(library, folders);
	DeclarationParser parser;
	parser.parse(read_header(header), header.string());
	return bind_functions(parser.declarations(), NativeLibrary::open(library));
}

} // namespace c_loader
