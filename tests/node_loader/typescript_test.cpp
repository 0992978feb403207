// TypeScript (scripts/typescript/): transpiled by the `typescript` package that the fixture
// node_loader.InstallNpmPackages installs into NODE_TEST_NPM_FOLDER (found through the execution
// path), cached on disk in a folder of each test's own (METACALL_NODE_TS_CACHE).
#include "node_test.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#ifndef NODE_TEST_NPM_FOLDER
#  error "NODE_TEST_NPM_FOLDER must name the folder where npm installed typescript"
#endif

namespace {

class NodeTypeScript : public ::testing::Test {
protected:
	void SetUp() override {
		ASSERT_TRUE(std::filesystem::exists(std::string(NODE_TEST_NPM_FOLDER) +
		                                    "/node_modules/typescript/package.json"))
		    << "typescript is not installed in " NODE_TEST_NPM_FOLDER
		       " (the fixture node_loader.InstallNpmPackages)";
		setenv("METACALL_NODE_TS_CACHE", cache_.path().c_str(), 1);
		ASSERT_EQ(metacall_initialize(), 0) << last_error();
		ASSERT_EQ(metacall_execution_path("node", NODE_TEST_NPM_FOLDER), 0) << last_error();
		ASSERT_EQ(metacall_execution_path("node", (scripts_folder() + "/typescript").c_str()), 0)
		    << last_error();
	}
	void TearDown() override {
		metacall_destroy();
		unsetenv("METACALL_NODE_TS_CACHE");
		unsetenv("METACALL_NODE_TS_CHECK");
	}

	static int load(const std::string &file, void **handle = nullptr) {
		const char *paths[] = {file.c_str()};
		return metacall_load_from_file("node", paths, 1, handle);
	}

	// The files of the disk cache.
	std::vector<std::filesystem::path> cached() const {
		std::vector<std::filesystem::path> files;
		for (const auto &entry : std::filesystem::directory_iterator(cache_.path()))
			files.push_back(entry.path());
		return files;
	}

	TempFolder cache_;
};

// A JS number: a Double, or a Long when it is whole.
::testing::AssertionResult is_number(void *value, double expected) {
	if (value != nullptr && metacall_value_id(value) == METACALL_LONG)
		return is_long(value, static_cast<long>(expected));
	return is_double(value, expected);
}

// The signature metacall_inspect gives the function `name` of the node handle `handle_name`.
nlohmann::json signature_of(const std::string &handle_name, const std::string &name) {
	size_t size = 0;
	char *text = metacall_inspect(&size, nullptr);
	if (text == nullptr)
		return nullptr;
	const auto json = nlohmann::json::parse(text);
	std::free(text);
	for (const auto &handle : json.value("node", nlohmann::json::array()))
		if (handle["name"].get<std::string>().find(handle_name) != std::string::npos)
			for (const auto &function : handle["scope"]["funcs"])
				if (function["name"] == name)
					return function;
	return nullptr;
}

std::vector<std::string> arg_types(const nlohmann::json &function) {
	std::vector<std::string> types;
	for (const auto &arg : function["signature"]["args"])
		types.push_back(arg["type"]["name"].get<std::string>());
	return types;
}

TEST_F(NodeTypeScript, InspectShowsTheDeclaredTypes) {
	ASSERT_EQ(load("typed.ts"), 0) << last_error();
	const auto add = signature_of("typed.ts", "add");
	ASSERT_FALSE(add.is_null()) << "no add in metacall_inspect";
	EXPECT_EQ(arg_types(add), (std::vector<std::string>{"Double", "Double"}));
	EXPECT_EQ(add["signature"]["ret"]["type"]["name"], "Double");
	EXPECT_FALSE(add["async"].get<bool>());

	const auto greet = signature_of("typed.ts", "greet");
	EXPECT_EQ(arg_types(greet), (std::vector<std::string>{"String", "Boolean"}));
	EXPECT_EQ(greet["signature"]["ret"]["type"]["name"], "String");
	EXPECT_EQ(arg_types(signature_of("typed.ts", "sum")), (std::vector<std::string>{"Array"}));
	// Promise<string>: async, the result a String.
	const auto later = signature_of("typed.ts", "later");
	EXPECT_TRUE(later["async"].get<bool>());
	EXPECT_EQ(later["signature"]["ret"]["type"]["name"], "String");
	// Undeclared (any, an interface): no type.
	EXPECT_EQ(arg_types(signature_of("typed.ts", "untyped")), (std::vector<std::string>{""}));
	EXPECT_EQ(arg_types(signature_of("typed.ts", "norm")), (std::vector<std::string>{""}));
}

TEST_F(NodeTypeScript, TypedFunctionsAreCalledAndImportOtherTypeScriptFiles) {
	ASSERT_EQ(load("typed.ts"), 0) << last_error();
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	ValuePtr sum(metacallv_s("add", args, 2));
	EXPECT_TRUE(is_number(sum.get(), 5));
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	void *greet_args[] = {metacall_value_create_string("ts", 2), metacall_value_create_bool(1)};
	ValuePtr greeting(metacallv_s("greet", greet_args, 2)); // util.ts's shout
	EXPECT_TRUE(is_string(greeting.get(), "TS!"));
	metacall_value_destroy(greet_args[0]);
	metacall_value_destroy(greet_args[1]);
}

TEST_F(NodeTypeScript, ATsxDefaultExportRenders) {
	void *handle = nullptr;
	ASSERT_EQ(load("component.tsx", &handle), 0) << last_error();
	void *args[] = {metacall_value_create_string("you", 3)};
	ValuePtr html(metacallhv_s(handle, "default", args, 1));
	metacall_value_destroy(args[0]);
	EXPECT_TRUE(is_string(html.get(), "<p class=\"greeting\">Hello, you</p>"));
	EXPECT_EQ(arg_types(signature_of("component.tsx", "default")), (std::vector<std::string>{"String"}));
}

TEST_F(NodeTypeScript, AThrownErrorsStackPointsAtTheTypeScriptLine) {
	ASSERT_EQ(load("throws.ts"), 0) << last_error();
	void *args[] = {metacall_value_create_string("why", 3)};
	ValuePtr result(metacallv_s("fail", args, 1));
	metacall_value_destroy(args[0]);
	ASSERT_TRUE(is_error(result.get(), "Error", "failed: why"));
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_NE(std::string(error.stacktrace).find("throws.ts:9:"), std::string::npos) << error.stacktrace;
}

TEST_F(NodeTypeScript, ASyntaxErrorFailsNamingTheFileAndLine) {
	metacall_error_clear();
	EXPECT_NE(load("syntax_error.ts"), 0);
	const std::string message = last_error_message();
	EXPECT_NE(message.find("SyntaxError"), std::string::npos) << message;
	EXPECT_NE(message.find("syntax_error.ts:2:"), std::string::npos) << message;
	EXPECT_EQ(metacall_function("broken"), nullptr);
}

TEST_F(NodeTypeScript, ATypeErrorIsLoggedAndTheFileStillLoads) {
	::testing::internal::CaptureStderr(); // the log
	const int status = load("type_error.ts");
	const std::string log = ::testing::internal::GetCapturedStderr();
	ASSERT_EQ(status, 0) << last_error();
	EXPECT_NE(log.find("[metacall warn]"), std::string::npos) << log;
	EXPECT_NE(log.find("type_error.ts:3:"), std::string::npos) << log;
	EXPECT_NE(log.find("TS2322"), std::string::npos) << log;
	void *args[] = {metacall_value_create_double(4)};
	ValuePtr result(metacallv_s("twice", args, 1));
	metacall_value_destroy(args[0]);
	EXPECT_TRUE(is_number(result.get(), 8));
}

TEST_F(NodeTypeScript, ATypeErrorFailsTheLoadWhenAskedTo) {
	setenv("METACALL_NODE_TS_CHECK", "error", 1);
	metacall_error_clear();
	EXPECT_NE(load("type_error.ts"), 0);
	const std::string message = last_error_message();
	EXPECT_NE(message.find("type_error.ts:3:"), std::string::npos) << message;
	EXPECT_NE(message.find("TS2322"), std::string::npos) << message;
	EXPECT_EQ(metacall_function("twice"), nullptr);
}

// A load in a new Node environment (as in a new process) reads the disk cache: an entry changed
// by hand is what runs. (Within one environment an unchanged file is not even read again.)
TEST_F(NodeTypeScript, ASecondLoadReadsTheCompiledOutputFromTheCache) {
	ASSERT_EQ(load("typed.ts"), 0) << last_error();
	metacall_destroy();
	bool changed = false;
	for (const auto &file : cached()) {
		std::ifstream in(file);
		std::stringstream text;
		text << in.rdbuf();
		auto entry = nlohmann::json::parse(text.str());
		std::string js = entry["js"];
		const std::string needle = "return a + b;";
		const auto at = js.find(needle);
		if (at == std::string::npos)
			continue;
		entry["js"] = js.replace(at, needle.size(), "return 1000 + a + b;");
		std::ofstream(file, std::ios::trunc) << entry.dump();
		changed = true;
	}
	ASSERT_TRUE(changed) << "typed.ts's output is not in the cache folder " << cache_.path();
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("node", NODE_TEST_NPM_FOLDER), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("node", (scripts_folder() + "/typescript").c_str()), 0) << last_error();
	ASSERT_EQ(load("typed.ts"), 0) << last_error();
	void *args[] = {metacall_value_create_double(2), metacall_value_create_double(3)};
	ValuePtr sum(metacallv_s("add", args, 2));
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
	EXPECT_TRUE(is_number(sum.get(), 1005)) << "the second load compiled again";
}

// Within one environment, a file edited after its load is compiled again on the next load.
TEST_F(NodeTypeScript, AnEditedFileIsCompiledAgain) {
	TempFolder folder;
	const std::string file = folder.write("edited.ts", "export const version = (): number => 1;\n");
	void *handle = nullptr;
	ASSERT_EQ(load(file, &handle), 0) << last_error();
	ASSERT_EQ(metacall_clear(handle), 0) << last_error();
	folder.write("edited.ts", "export const version = (): number => 2; // edited\n");
	ASSERT_EQ(load(file, &handle), 0) << last_error();
	ValuePtr version(metacallhv_s(handle, "version", nullptr, 0));
	EXPECT_TRUE(is_number(version.get(), 2));
}

} // namespace
