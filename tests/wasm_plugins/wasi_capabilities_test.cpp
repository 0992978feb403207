// The WASI capabilities a load grants, seen from plug-ins written in C (files.c, a reactor, and
// reader.c, a command): a granted folder is readable under its guest path and nothing next to it
// is; writes need {"write": true}; environment and arguments reach the program only when granted;
// stdout is captured, inherited or closed; exit codes come back as ExitError.
#include "owned_values.h"

#include <gtest/gtest.h>
#include <metacall/metacall.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kPlugins = WASM_PLUGINS;

// ---- Load options, built as new values (the caller owns the result) ----
void *text(const std::string &value) {
	return metacall_value_create_string(value.data(), value.size());
}

void *map(const std::vector<std::pair<std::string, void *>> &entries) {
	void *result = metacall_value_create_map(nullptr, entries.size());
	void **slots = metacall_value_to_map(result);
	for (size_t i = 0; i < entries.size(); ++i) {
		slots[i] = metacall_value_create_array(nullptr, 2);
		void **pair = metacall_value_to_array(slots[i]);
		pair[0] = text(entries[i].first);
		pair[1] = entries[i].second;
	}
	return result;
}

void *array(const std::vector<void *> &items) {
	void *result = metacall_value_create_array(nullptr, items.size());
	void **slots = metacall_value_to_array(result);
	for (size_t i = 0; i < items.size(); ++i)
		slots[i] = items[i];
	return result;
}

void *dirs(const std::string &host, const std::string &guest, bool write = false) {
	return array(
	    {map({{"host", text(host)}, {"guest", text(guest)}, {"write", metacall_value_create_bool(write)}})});
}

std::string read_host_file(const fs::path &path) {
	std::ifstream file(path, std::ios::binary);
	return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

void write_host_file(const fs::path &path, const std::string &content) {
	std::ofstream(path, std::ios::binary) << content;
}

// A fresh folder per test: root/granted/granted.txt (the grant), root/secret.txt next to it,
// root/sibling/other.txt in a sibling folder.
class WasiCapabilities : public ::testing::Test {
protected:
	void SetUp() override {
		std::string pattern = (fs::temp_directory_path() / "metacall_wasi_XXXXXX").string();
		ASSERT_NE(mkdtemp(pattern.data()), nullptr);
		root_ = pattern;
		granted_ = root_ / "granted";
		fs::create_directories(granted_);
		fs::create_directories(root_ / "sibling");
		write_host_file(granted_ / "granted.txt", "granted content\n");
		write_host_file(root_ / "secret.txt", "secret\n");
		write_host_file(root_ / "sibling" / "other.txt", "other\n");
		ASSERT_EQ(metacall_initialize(), 0);
	}

	void TearDown() override {
		metacall_destroy();
		std::error_code ignored;
		fs::remove_all(root_, ignored);
	}

	// Loads `file` (under the plug-ins' folder) with `options` (taken and destroyed here).
	void *load(const std::string &file, void *options) {
		const std::string path = kPlugins + "/" + file;
		const char *paths[] = {path.c_str()};
		void *handle = nullptr;
		const int status = metacall_load_from_file_ex("wasm", paths, 1, &handle, options);
		metacall_value_destroy(options);
		if (status != 0) {
			metacall_exception_type error{};
			metacall_error_last(&error);
			ADD_FAILURE() << "cannot load " << path << ": " << (error.message ? error.message : "?");
			return nullptr;
		}
		return handle;
	}

	// Calls `name` in `handle` with `args` (taken); the result.
	static ValuePtr call(void *handle, const char *name, Args &&args) {
		return ValuePtr(metacallhv_s(handle, name, args.data(), args.size()));
	}

	// A call that returns a String: its text (a failure when it returned something else).
	static std::string call_text(void *handle, const char *name, Args &&args) {
		ValuePtr result = call(handle, name, std::move(args));
		if (!result || metacall_value_id(result.get()) != METACALL_STRING) {
			ADD_FAILURE() << name << " did not return a String (" << describe(result.get()) << ")";
			return "";
		}
		return metacall_value_to_string(result.get());
	}

	static std::string describe(void *value) {
		if (value == nullptr)
			return "NULL";
		metacall_exception_type error{};
		if (metacall_value_id(value) == METACALL_THROWABLE && metacall_error_from_value(value, &error) == 0)
			return std::string(error.label) + ": " + error.message;
		return "value id " + std::to_string(metacall_value_id(value));
	}

	// Runs reader.wasm's main (its _start) with `args` and the grant `extra`, stdout captured in
	// a file; the result of _start and what the program printed.
	std::pair<ValuePtr, std::string> run_reader(const std::vector<std::string> &args,
	                                            std::vector<std::pair<std::string, void *>> extra = {}) {
		const fs::path out = root_ / "reader.out";
		std::vector<void *> argv = {text("reader")};
		for (const std::string &arg : args)
			argv.push_back(text(arg));
		extra.emplace_back("args", array(argv));
		extra.emplace_back("stdout", map({{"file", text(out.string())}}));
		void *handle = load("reader.wasm", map(extra));
		if (handle == nullptr)
			return {nullptr, ""};
		ValuePtr result(metacallhv_s(handle, "_start", nullptr, 0));
		return {std::move(result), read_host_file(out)};
	}

	fs::path root_, granted_;
};

// The exit code an ExitError carries; -1 when `value` is not one.
int64_t exit_code(void *value) {
	metacall_exception_type error{};
	if (value == nullptr || metacall_value_id(value) != METACALL_THROWABLE ||
	    metacall_error_from_value(value, &error) != 0 || std::string(error.label) != "ExitError")
		return -1;
	return error.code;
}

TEST_F(WasiCapabilities, ReadsTheGrantedFileUnderItsGuestPath) {
	void *handle = load("files.wasm", map({{"dirs", dirs(granted_.string(), "/data")}}));
	ASSERT_NE(handle, nullptr);
	EXPECT_EQ(call_text(handle, "read_file", {text("/data/granted.txt")}), "granted content\n");
	EXPECT_EQ(call_text(handle, "read_file", {text("/data/missing.txt")}),
	          "error: No such file or directory");

	auto [result, printed] = run_reader({"/data/granted.txt"}, {{"dirs", dirs(granted_.string(), "/data")}});
	ASSERT_TRUE(result);
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_NULL) << describe(result.get());
	EXPECT_EQ(printed, "granted content\n");
}

TEST_F(WasiCapabilities, RefusesTheFilesNextToTheGrantedFolder) {
	void *handle = load("files.wasm", map({{"dirs", dirs(granted_.string(), "/data", true)}}));
	ASSERT_NE(handle, nullptr);
	const std::vector<std::string> outside = {
	    "/data/../secret.txt",                      // out of the preopen through ..
	    "../secret.txt",                            // relative to the guest's working folder
	    (root_ / "secret.txt").string(),            // the host's absolute path
	    (root_ / "sibling" / "other.txt").string(), // a sibling folder's file
	    "/data/../sibling/other.txt",               // the same through ..
	    "/secret.txt"};                             // the guest's root, which is not granted
	for (const std::string &path : outside) {
		const std::string read = call_text(handle, "read_file", {text(path)});
		EXPECT_EQ(read.rfind("error: ", 0), 0u) << path << " was read: " << read;
		EXPECT_EQ(read.find("secret"), std::string::npos) << path;
		const std::string written = call_text(handle, "write_file", {text(path), text("overwritten")});
		EXPECT_EQ(written.rfind("error: ", 0), 0u) << path << " was written: " << written;
	}
	EXPECT_EQ(read_host_file(root_ / "secret.txt"), "secret\n");
	EXPECT_EQ(read_host_file(root_ / "sibling" / "other.txt"), "other\n");
	EXPECT_FALSE(fs::exists(fs::path("/secret.txt")) && read_host_file("/secret.txt") == "overwritten");

	// The command gets the errno text and exits 1.
	auto [result, printed] =
	    run_reader({"/data/../secret.txt"}, {{"dirs", dirs(granted_.string(), "/data")}});
	EXPECT_EQ(exit_code(result.get()), 1) << describe(result.get());
	EXPECT_FALSE(printed.empty());
	EXPECT_EQ(printed.find("secret"), std::string::npos) << printed;
}

TEST_F(WasiCapabilities, WithoutDirsNothingIsReadable) {
	void *handle = load("files.wasm", nullptr);
	ASSERT_NE(handle, nullptr);
	for (const std::string &path : {std::string("/data/granted.txt"), (granted_ / "granted.txt").string(),
	                                std::string("granted.txt"), std::string("/etc/passwd")}) {
		const std::string read = call_text(handle, "read_file", {text(path)});
		EXPECT_EQ(read.rfind("error: ", 0), 0u) << path << " was read: " << read;
	}
	auto [result, printed] = run_reader({(granted_ / "granted.txt").string()});
	EXPECT_EQ(exit_code(result.get()), 1) << describe(result.get());
	EXPECT_EQ(printed.find("granted content"), std::string::npos) << printed;
}

TEST_F(WasiCapabilities, AReadOnlyGrantRefusesWrites) {
	void *handle = load("files.wasm", map({{"dirs", dirs(granted_.string(), "/data")}}));
	ASSERT_NE(handle, nullptr);
	EXPECT_EQ(
	    call_text(handle, "write_file", {text("/data/granted.txt"), text("changed")}).rfind("error: ", 0),
	    0u);
	EXPECT_EQ(call_text(handle, "write_file", {text("/data/new.txt"), text("new")}).rfind("error: ", 0), 0u);
	EXPECT_EQ(read_host_file(granted_ / "granted.txt"), "granted content\n");
	EXPECT_FALSE(fs::exists(granted_ / "new.txt"));
	// Reading still works.
	EXPECT_EQ(call_text(handle, "read_file", {text("/data/granted.txt")}), "granted content\n");
}

TEST_F(WasiCapabilities, AWriteGrantAllowsWrites) {
	void *handle = load("files.wasm", map({{"dirs", dirs(granted_.string(), "/data", true)}}));
	ASSERT_NE(handle, nullptr);
	EXPECT_EQ(call_text(handle, "write_file", {text("/data/granted.txt"), text("changed")}), "ok");
	EXPECT_EQ(call_text(handle, "write_file", {text("/data/new.txt"), text("new")}), "ok");
	EXPECT_EQ(read_host_file(granted_ / "granted.txt"), "changed");
	EXPECT_EQ(read_host_file(granted_ / "new.txt"), "new");
	EXPECT_EQ(call_text(handle, "read_file", {text("/data/new.txt")}), "new");
}

TEST_F(WasiCapabilities, EnvironmentAndArgumentsReachTheProgramOnlyWhenGranted) {
	// The host's own environment is not the plug-in's.
	ASSERT_EQ(setenv("READER_GREETING", "from the host", 1), 0);
	ASSERT_EQ(setenv("HOST_ONLY", "leaked", 1), 0);
	void *handle = load("files.wasm", map({{"env", map({{"GREETING", text("hello wasm")}})}}));
	ASSERT_NE(handle, nullptr);
	EXPECT_EQ(call_text(handle, "env", {text("GREETING")}), "hello wasm");
	EXPECT_EQ(call_text(handle, "env", {text("HOST_ONLY")}), "(unset)");

	auto [result, printed] =
	    run_reader({"--args", "two words", "x=y"}, {{"env", map({{"READER_GREETING", text("granted")}})}});
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_NULL) << describe(result.get());
	EXPECT_EQ(printed,
	          "argv[0]=reader\nargv[1]=--args\nargv[2]=two words\nargv[3]=x=y\nREADER_GREETING=granted\n");

	auto [bare, bare_printed] = run_reader({"--args"});
	EXPECT_EQ(metacall_value_id(bare.get()), METACALL_NULL) << describe(bare.get());
	EXPECT_EQ(bare_printed, "argv[0]=reader\nargv[1]=--args\nREADER_GREETING=(unset)\n");
}

TEST_F(WasiCapabilities, StdoutIsCapturedInheritedOrClosed) {
	const fs::path out = root_ / "stdout.txt";
	void *captured = load("files.wasm", map({{"stdout", map({{"file", text(out.string())}})}}));
	ASSERT_NE(captured, nullptr);
	void *inherited = load("files.wasm", map({{"stdout", text("inherit")}}));
	ASSERT_NE(inherited, nullptr);
	void *closed = load("files.wasm", map({{"stdout", text("closed")}}));
	ASSERT_NE(closed, nullptr);

	ValuePtr count = call(captured, "say", {text("captured line")});
	ASSERT_TRUE(count);
	EXPECT_EQ(metacall_value_id(count.get()), METACALL_INT) << describe(count.get());
	EXPECT_EQ(read_host_file(out), "captured line\n");

	// The process's own stdout (fd 1) sees what an inheriting plug-in prints, and nothing from a
	// closed one.
	testing::internal::CaptureStdout();
	ValuePtr printed = call(inherited, "say", {text("inherited line")});
	ValuePtr dropped = call(closed, "say", {text("dropped line")});
	const std::string seen = testing::internal::GetCapturedStdout();
	EXPECT_EQ(seen, "inherited line\n");
	ASSERT_TRUE(dropped);
	EXPECT_EQ(metacall_value_id(dropped.get()), METACALL_INT) << describe(dropped.get());
	EXPECT_EQ(read_host_file(out), "captured line\n");
}

TEST_F(WasiCapabilities, ExitCodesComeBackAsExitError) {
	auto [three, ignored] = run_reader({"--exit", "3"});
	EXPECT_EQ(exit_code(three.get()), 3) << describe(three.get());
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(three.get(), &error), 0);
	EXPECT_NE(std::string(error.message).find("proc_exit(3)"), std::string::npos) << error.message;

	auto [zero, nothing] = run_reader({"--exit", "0"});
	ASSERT_TRUE(zero);
	EXPECT_EQ(metacall_value_id(zero.get()), METACALL_NULL) << describe(zero.get());

	void *handle = load("files.wasm", nullptr);
	ASSERT_NE(handle, nullptr);
	ValuePtr quit = call(handle, "quit", {metacall_value_create_int(3)});
	EXPECT_EQ(exit_code(quit.get()), 3) << describe(quit.get());
}

} // namespace
