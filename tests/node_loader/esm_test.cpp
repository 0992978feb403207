// ES modules: .mjs files, .js files under "type": "module", top-level await, ES modules and
// CommonJS importing each other, ES module source from memory, loads on a pumping host's thread,
// and the errors of modules that do not load (scripts/esm/). Loads go through import(): the
// loader waits for the module while the event loop runs.
#include "node_test.h"

#include <cstdlib>

namespace {

using namespace std::chrono_literals;
using NodeEsm = NodeLoaderTest;

// metacall_error_last's message mentions every one of `parts`.
::testing::AssertionResult last_error_names(std::initializer_list<std::string> parts) {
	const std::string message = last_error_message();
	for (const std::string &part : parts)
		if (message.find(part) == std::string::npos)
			return ::testing::AssertionFailure() << "the message does not name '" << part << "': " << message;
	return ::testing::AssertionSuccess();
}

// A JS number: a Double, or a Long when it is whole (both are what a JS number may come back as).
::testing::AssertionResult is_number(void *value, double expected) {
	if (value != nullptr && metacall_value_id(value) == METACALL_LONG)
		return is_long(value, static_cast<long>(expected));
	return is_double(value, expected);
}

std::string esm(const std::string &file) {
	return scripts_folder() + "/esm/" + file;
}

TEST_F(NodeEsm, AnMjsFileLoadsWithItsNamedExportsAsFunctions) {
	ASSERT_EQ(load("esm/lib.mjs"), 0) << last_error();
	EXPECT_TRUE(
	    is_number(call("add", {metacall_value_create_long(2), metacall_value_create_long(3)}).get(), 5));
	EXPECT_TRUE(is_number(
	    call("multiply", {metacall_value_create_long(6), metacall_value_create_long(7)}).get(), 42));
	EXPECT_TRUE(is_string(call("where").get(), "file://" + esm("lib.mjs")));
}

TEST_F(NodeEsm, TheDefaultExportIsTheFunctionNamedDefault) {
	void *handle = nullptr;
	ASSERT_EQ(load("esm/lib.mjs", &handle), 0) << last_error();
	EXPECT_TRUE(is_string(call_in(handle, "default", {string_value("ESM")}).get(), "hello, ESM"));
}

TEST_F(NodeEsm, AnAsyncExportIsAsyncForTheCore) {
	ASSERT_EQ(load("esm/lib.mjs"), 0) << last_error();
	void *later = metacall_function("later");
	ASSERT_NE(later, nullptr);
	EXPECT_NE(metacall_function_async(later), 0);
	Settlement settlement;
	await("later", {metacall_value_create_long(21)}, settlement);
	ASSERT_TRUE(settlement.wait());
	EXPECT_TRUE(settlement.resolved());
	EXPECT_TRUE(is_number(settlement.value(), 42));
}

TEST_F(NodeEsm, TopLevelAwaitFinishesBeforeTheLoadReturns) {
	ASSERT_EQ(load("esm/top_level_await.mjs"), 0) << last_error();
	EXPECT_TRUE(is_number(call("answer").get(), 42));
	EXPECT_TRUE(is_bool(call("waitedAtLeast", {metacall_value_create_long(40)}).get(), true));
}

TEST_F(NodeEsm, AJsFileUnderATypeModulePackageIsAnEsModule) {
	ASSERT_EQ(load("esm/module_package/index.js"), 0) << last_error();
	EXPECT_TRUE(is_string(call("fromModulePackage", {string_value("x")}).get(), "module package: x"));
}

TEST_F(NodeEsm, AFolderWhosePackageIsTypeModuleLoadsAsAPackage) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("node", "esm/module_package", &handle), 0) << last_error();
	EXPECT_TRUE(
	    is_string(call_in(handle, "fromModulePackage", {string_value("y")}).get(), "module package: y"));
}

TEST_F(NodeEsm, AnEsModuleImportsCommonJs) {
	ASSERT_EQ(load("esm/lib.mjs"), 0) << last_error();
	EXPECT_TRUE(
	    is_number(call("cjsAdd", {metacall_value_create_long(4), metacall_value_create_long(5)}).get(), 9));
}

TEST_F(NodeEsm, CommonJsImportsAnEsModule) {
	ASSERT_EQ(load("esm/uses_esm.cjs"), 0) << last_error();
	Settlement settlement;
	await("viaImport", {metacall_value_create_long(1), metacall_value_create_long(2)}, settlement);
	ASSERT_TRUE(settlement.wait());
	EXPECT_TRUE(settlement.resolved()) << describe(settlement.value());
	EXPECT_TRUE(is_number(settlement.value(), 3));
}

TEST_F(NodeEsm, EsModulesAndCommonJsLoadTogetherAsOneHandle) {
	const std::string files[] = {"arith.js", "esm/top_level_await.mjs"};
	const char *paths[] = {files[0].c_str(), files[1].c_str()};
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_file("node", paths, 2, &handle), 0) << last_error();
	EXPECT_TRUE(is_number(
	    call_in(handle, "mul", {metacall_value_create_long(2), metacall_value_create_long(4)}).get(), 8));
	EXPECT_TRUE(is_number(call_in(handle, "answer").get(), 42));
}

TEST_F(NodeEsm, EsModuleSourceFromMemoryIsDetectedByItsImportsAndExports) {
	const std::string source = "import { add } from '" + esm("lib.mjs") + "';\n" +
	                           "export const addTwice = (a, b) => add(add(a, b), add(a, b));\n";
	void *handle = load_memory(source);
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(is_number(
	    call_in(handle, "addTwice", {metacall_value_create_long(1), metacall_value_create_long(2)}).get(),
	    6));
}

TEST_F(NodeEsm, EsModuleSourceFromMemoryMayAwaitAtTopLevel) {
	const std::string source =
	    "export function seven() { return value; }\nconst value = await Promise.resolve(7);\n";
	void *handle = load_memory(source);
	ASSERT_NE(handle, nullptr);
	EXPECT_TRUE(is_number(call_in(handle, "seven").get(), 7));
}

TEST_F(NodeEsm, AnErrorThrownInAnEsModuleFromMemoryNamesItsLine) {
	const std::string source = "export function fail() {\n  throw new TypeError('from memory');\n}\n";
	void *handle = load_memory(source);
	ASSERT_NE(handle, nullptr);
	const ValuePtr result = call_in(handle, "fail");
	ASSERT_TRUE(is_error(result.get(), "TypeError", "from memory"));
	metacall_exception_type error{};
	ASSERT_EQ(metacall_error_from_value(result.get(), &error), 0);
	EXPECT_NE(std::string(error.stacktrace).find(":2:"), std::string::npos) << error.stacktrace;
}

TEST_F(NodeEsm, ASyntaxErrorNamesTheFileAndLine) {
	metacall_error_clear();
	EXPECT_NE(load("esm/syntax_error.mjs"), 0);
	EXPECT_TRUE(last_error_names({"SyntaxError", esm("syntax_error.mjs") + ":4:"}));
	EXPECT_EQ(metacall_function("ok"), nullptr);
}

TEST_F(NodeEsm, ASyntaxErrorInAnImportedModuleNamesThatModule) {
	metacall_error_clear();
	EXPECT_NE(load("esm/imports_broken.mjs"), 0);
	EXPECT_TRUE(last_error_names({"SyntaxError", esm("syntax_error.mjs") + ":4:", "imports_broken.mjs"}));
}

TEST_F(NodeEsm, AMissingExportNamesTheModuleAndTheName) {
	metacall_error_clear();
	EXPECT_NE(load("esm/missing_export.mjs"), 0);
	EXPECT_TRUE(last_error_names({"SyntaxError", "./lib.mjs", "nope", "missing_export.mjs"}));
}

TEST_F(NodeEsm, AMissingImportNamesWhatWasImportedAndFromWhere) {
	TempFolder folder;
	const std::string file =
	    folder.write("imports_nothing.mjs", "import './no_such_module.mjs';\nexport const x = () => 1;\n");
	metacall_error_clear();
	EXPECT_NE(load(file), 0);
	EXPECT_TRUE(last_error_names({"no_such_module.mjs", "imports_nothing.mjs"}));
}

TEST_F(NodeEsm, AModuleThatThrowsWhileLoadingFailsWithItsErrorAndLine) {
	metacall_error_clear();
	EXPECT_NE(load("esm/throws_at_load.mjs"), 0);
	EXPECT_TRUE(last_error_names({"RangeError", "thrown while loading", "throws_at_load.mjs:3"}));
}

TEST_F(NodeEsm, ASyntaxErrorInEsModuleSourceFromMemoryFails) {
	const std::string source =
	    "export const fine = () => 1;\nexport function broken(a, b {\n  return a;\n}\n";
	metacall_error_clear();
	EXPECT_NE(metacall_load_from_memory("node", source.c_str(), source.size(), nullptr), 0);
	EXPECT_TRUE(last_error_names({"SyntaxError", "memory-", ":2:"}));
	EXPECT_EQ(metacall_function("fine"), nullptr);
}

TEST_F(NodeEsm, ATopLevelAwaitThatNeverSettlesTimesOut) {
	TempFolder folder;
	const std::string file =
	    folder.write("never.mjs", "await new Promise(() => {});\nexport const x = () => 1;\n");
	setenv("METACALL_NODE_LOAD_TIMEOUT", "0.3", 1);
	metacall_error_clear();
	const auto started = std::chrono::steady_clock::now();
	EXPECT_NE(load(file), 0);
	unsetenv("METACALL_NODE_LOAD_TIMEOUT");
	EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
	EXPECT_TRUE(last_error_names({"did not finish loading", "METACALL_NODE_LOAD_TIMEOUT"}));
	ASSERT_EQ(load("esm/lib.mjs"), 0) << last_error(); // the loader stays usable
}

TEST_F(NodeEsm, TheLoaderStaysUsableAfterFailedEsModuleLoads) {
	EXPECT_NE(load("esm/syntax_error.mjs"), 0);
	EXPECT_NE(load("esm/throws_at_load.mjs"), 0);
	ASSERT_EQ(load("esm/lib.mjs"), 0) << last_error();
	EXPECT_TRUE(
	    is_number(call("add", {metacall_value_create_long(1), metacall_value_create_long(1)}).get(), 2));
}

// A pumping host owns Node: the load turns the event loop itself until the module is in.
TEST(NodeEsmPumped, AnEsModuleLoadsOnThePumpingThread) {
	ASSERT_EQ(metacall_initialize(), 0) << last_error();
	Watchdog watchdog(20s, "an ES module load on the pumping thread");
	ASSERT_EQ(metacall_pump("node"), 0) << last_error();
	ASSERT_EQ(metacall_execution_path("node", scripts_folder().c_str()), 0) << last_error();
	const char *paths[] = {"esm/top_level_await.mjs"};
	ASSERT_EQ(metacall_load_from_file("node", paths, 1, nullptr), 0) << last_error();
	void *args[] = {nullptr};
	ValuePtr answer(metacallv_s("answer", args, 0));
	EXPECT_TRUE(is_number(answer.get(), 42));
	metacall_destroy();
}

} // namespace
