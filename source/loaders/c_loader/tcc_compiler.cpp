#include "tcc_compiler.h"

#include "load_error.h"

#include <libtcc.h>

#include <dlfcn.h>

#include <mutex>
#include <string_view>

// Defined in the plug-in only (tcc_std_streams.c); a program linking the loader's code has none.
extern "C" __attribute__((weak)) void c_loader_tcc_bind_std_streams(void);

namespace c_loader {
namespace {

// libtcc keeps its compiler state in globals: one compilation at a time in the process.
std::mutex &compiler_mutex() {
	static std::mutex mutex;
	return mutex;
}

bool is_folder(const std::filesystem::path &path) {
	std::error_code ignored;
	return std::filesystem::is_directory(path, ignored);
}

// The folders holding <metacall/metacall.h>: the build tree's while it exists, else the install
// prefix's include folder, found from the plug-in's own place.
std::vector<std::filesystem::path> metacall_include_folders() {
	std::vector<std::filesystem::path> folders;
	std::string_view build_dirs = C_LOADER_BUILD_INCLUDE_DIRS;
	while (!build_dirs.empty()) {
		const std::size_t colon = build_dirs.find(':');
		const std::filesystem::path folder(build_dirs.substr(0, colon));
		if (is_folder(folder / "metacall"))
			folders.push_back(folder);
		build_dirs = colon == std::string_view::npos ? std::string_view() : build_dirs.substr(colon + 1);
	}
	if (!folders.empty())
		return folders;
	Dl_info info{};
	if (dladdr(reinterpret_cast<void *>(&metacall_include_folders), &info) != 0 && info.dli_fname) {
		const std::filesystem::path installed =
		    std::filesystem::path(info.dli_fname).parent_path() / C_LOADER_INCLUDE_FROM_PLUGIN;
		if (is_folder(installed / "metacall"))
			folders.push_back(installed.lexically_normal());
	}
	return folders;
}

// TinyCC's messages, in order; they already name file and line.
struct Messages {
	std::string text;
	static void collect(void *opaque, const char *message) {
		std::string &text = static_cast<Messages *>(opaque)->text;
		text += (text.empty() ? "" : "; ") + std::string(message);
	}
};

// A TinyCC state and the code it relocated; the code is freed with the state.
class CompiledCode final : public SymbolSource {
public:
	explicit CompiledCode(std::string description) : description_(std::move(description)) {}
	// libtcc may touch its globals when freeing a state or finding a symbol: under the same lock.
	~CompiledCode() override {
		std::lock_guard lock(compiler_mutex());
		if (state_ != nullptr)
			tcc_delete(state_);
	}
	CompiledCode(const CompiledCode &) = delete;
	CompiledCode &operator=(const CompiledCode &) = delete;

	// Under the compiler lock. nullptr when libtcc cannot allocate its state.
	TCCState *start() { return state_ = tcc_new(); }
	void *symbol(const std::string &symbol) const override {
		std::lock_guard lock(compiler_mutex());
		return tcc_get_symbol(state_, symbol.c_str());
	}
	const std::string &description() const override { return description_; }

	Messages messages; // where the state reports, for as long as it lives

private:
	TCCState *state_ = nullptr;
	std::string description_;
};

std::string describe(const std::vector<CSource> &sources) {
	std::string names;
	for (const CSource &source : sources)
		names += (names.empty() ? "'" : ", '") + source.name + "'";
	return "the C source" + std::string(sources.size() == 1 ? " " : "s ") + names;
}

} // namespace

std::shared_ptr<const SymbolSource> compile_sources(const std::vector<CSource> &sources,
                                                    const std::vector<std::filesystem::path> &folders) {
	const std::vector<std::filesystem::path> metacall_folders = metacall_include_folders();
	auto code = std::make_shared<CompiledCode>(describe(sources)); // its destructor locks: made first
	std::lock_guard lock(compiler_mutex());
	if (c_loader_tcc_bind_std_streams != nullptr)
		c_loader_tcc_bind_std_streams();
	TCCState *state = code->start();
	if (state == nullptr)
		throw LoadError("cannot compile " + code->description() + ": TinyCC could not start (out of memory)");
	const Messages &messages = code->messages;
	tcc_set_error_func(state, &code->messages, &Messages::collect);
	tcc_set_lib_path(state, C_LOADER_TCC_RUNTIME_DIR);
	tcc_set_output_type(state, TCC_OUTPUT_MEMORY);
	for (const std::filesystem::path &folder : folders) {
		tcc_add_include_path(state, folder.c_str());
		tcc_add_library_path(state, folder.c_str());
	}
	for (const std::filesystem::path &folder : metacall_folders)
		tcc_add_include_path(state, folder.c_str());
	auto fail = [&](const char *step) {
		throw LoadError("cannot " + std::string(step) + " " + code->description() + ": " +
		                (messages.text.empty() ? "TinyCC gave no reason" : messages.text));
	};
	for (const CSource &source : sources) {
		if (!source.file.empty()) {
			if (tcc_add_file(state, source.file.c_str()) == -1)
				fail("compile");
			continue;
		}
		// The #line names the text in TinyCC's messages, as a file would be named.
		std::string name = source.name;
		for (char &c : name)
			if (c == '"' || c == '\\' || c == '\n')
				c = '_';
		std::string text = "#line 1 \"" + name + "\"\n" + source.text;
		if (tcc_compile_string(state, text.c_str()) == -1)
			fail("compile");
	}
	if (tcc_relocate(state, TCC_RELOCATE_AUTO) < 0)
		fail("link");
	return code;
}

} // namespace c_loader
