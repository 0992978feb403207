// C sources: a .c file (or C text in memory defining functions) is compiled in the process by
// TinyCC and its definitions are declared; compile errors and missing files are clear errors.
#include "c_loader_fixture.h"

#include <fstream>
#include <thread>

namespace {

using SourceLoadingTest = CLoaderTest;

std::filesystem::path test_sources() {
	return C_LOADER_TEST_SOURCES;
}

std::filesystem::path scratch_folder() {
	const std::filesystem::path folder = std::filesystem::temp_directory_path() / "c_loader_test_sources";
	std::filesystem::create_directories(folder);
	return folder;
}

std::filesystem::path write_file(const std::filesystem::path &path, const std::string &text) {
	std::filesystem::create_directories(path.parent_path());
	std::ofstream(path) << text;
	return path;
}

void *load_source(const std::filesystem::path &path) {
	const std::string text = path.string();
	const char *paths[] = {text.c_str()};
	void *handle = nullptr;
	return metacall_load_from_file("c", paths, 1, &handle) == 0 ? handle : nullptr;
}

long call_long(void *handle, const char *name, std::initializer_list<long> values) {
	std::vector<ValuePtr> owned;
	std::vector<void *> args;
	for (long value : values) {
		owned.emplace_back(metacall_value_create_long(value));
		args.push_back(owned.back().get());
	}
	const ValuePtr result(handle ? metacallhv_s(handle, name, args.data(), args.size())
	                             : metacallv_s(name, args.data(), args.size()));
	EXPECT_EQ(metacall_value_id(result.get()), METACALL_LONG) << describe(result.get());
	return metacall_value_to_long(result.get());
}

TEST_F(SourceLoadingTest, ASourceFileIsCompiledAndItsFunctionsAreCalled) {
	void *handle = load_source(test_sources() / "compiled.c");
	ASSERT_NE(handle, nullptr) << last_error_message();
	EXPECT_EQ(call_long(handle, "compiled_sum", {3, 4}), 7);
	EXPECT_EQ(call_long(handle, "compiled_sum", {-10, 4}), -6);
	const ValuePtr calls(metacallhv_s(handle, "compiled_calls", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(calls.get()), 2) << "the source's global keeps its state";
}

TEST_F(SourceLoadingTest, ARelativeSourceIsFoundInTheExecutionPaths) {
	ASSERT_EQ(metacall_execution_path("c", test_sources().c_str()), 0);
	const char *paths[] = {"compiled.c"};
	ASSERT_EQ(metacall_load_from_file("c", paths, 1, nullptr), 0) << last_error_message();
	EXPECT_EQ(call_long(nullptr, "compiled_sum", {1, 2}), 3);
}

TEST_F(SourceLoadingTest, StaticFunctionsAndGlobalVariablesAreNotDeclared) {
	void *handle = load_source(test_sources() / "compiled.c");
	ASSERT_NE(handle, nullptr) << last_error_message();
	EXPECT_EQ(metacall_handle_function(handle, "helper"), nullptr);
	EXPECT_EQ(metacall_handle_function(handle, "calls"), nullptr);
	EXPECT_NE(metacall_handle_function(handle, "compiled_calls"), nullptr);
}

TEST_F(SourceLoadingTest, TheSourcesStructsDescribeItsParameters) {
	void *handle = load_source(test_sources() / "compiled.c");
	ASSERT_NE(handle, nullptr) << last_error_message();
	Args args{map_of({{"x", metacall_value_create_double(-1.5)}, {"y", metacall_value_create_double(2.0)}})};
	const ValuePtr norm(metacallhv_s(handle, "point_norm1", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_double(norm.get()), 3.5) << describe(norm.get());
}

TEST_F(SourceLoadingTest, BracesInStringsAndCharacterConstantsStayInsideTheBody) {
	void *handle = load_source(test_sources() / "compiled.c");
	ASSERT_NE(handle, nullptr) << last_error_message();
	const ValuePtr text(metacallhv_s(handle, "brace_text", nullptr, 0));
	EXPECT_STREQ(metacall_value_to_string(text.get()), "{ '}' \"{\" }");
	Args args{string_value("a{b{c"), metacall_value_create_char('{')};
	const ValuePtr count(metacallhv_s(handle, "count_char", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_long(count.get()), 2) << describe(count.get());
}

void *host_twice(size_t, void *args[], void *) {
	return metacall_value_create_long(2 * metacall_value_to_long(args[0]));
}

TEST_F(SourceLoadingTest, ASourceIncludesMetacallAndCallsBackIntoTheRuntime) {
	ASSERT_EQ(metacall_register("host_twice", host_twice, nullptr, METACALL_LONG, 1, METACALL_LONG), 0);
	void *handle = load_source(test_sources() / "calls_back.c");
	ASSERT_NE(handle, nullptr) << last_error_message();
	EXPECT_EQ(call_long(handle, "twice_through_host", {21}), 42);
	const ValuePtr version(metacallhv_s(handle, "runtime_version", nullptr, 0));
	EXPECT_STREQ(metacall_value_to_string(version.get()), metacall_version_str());
}

TEST_F(SourceLoadingTest, AnExecutionPathIsAnIncludeFolder) {
	const std::filesystem::path include = scratch_folder() / "include";
	write_file(include / "answer_constant.h", "#define ANSWER_CONSTANT 42\n");
	EXPECT_EQ(load_source(test_sources() / "uses_include.c"), nullptr) << "the header is not found yet";
	EXPECT_TRUE(mentions(last_error_message(), {"uses_include.c:2:", "answer_constant.h"}));
	ASSERT_EQ(metacall_execution_path("c", include.c_str()), 0);
	void *handle = load_source(test_sources() / "uses_include.c");
	ASSERT_NE(handle, nullptr) << last_error_message();
	const ValuePtr answer(metacallhv_s(handle, "the_answer", nullptr, 0));
	EXPECT_EQ(metacall_value_to_int(answer.get()), 42) << describe(answer.get());
}

TEST_F(SourceLoadingTest, ACompileErrorNamesTheFileAndLine) {
	const std::filesystem::path bad =
	    write_file(scratch_folder() / "broken_source.c",
	               "int fine(void) { return 1; }\nint broken(void) { return 1 + ; }\n");
	EXPECT_EQ(load_source(bad), nullptr);
	EXPECT_TRUE(mentions(last_error_message(), {"cannot compile", bad.string() + ":2: error:"}));
	EXPECT_EQ(metacall_function("fine"), nullptr) << "nothing of a failed load is declared";
}

TEST_F(SourceLoadingTest, SourcesTurnedOffAreRefusedNamingTheSwitch) {
	setenv("METACALL_C_SOURCES", "off", 1);
	static const char text[] = "int turned_off_sum(int a, int b) { return a + b; }\n";
	void *handle = nullptr;
	EXPECT_NE(metacall_load_from_memory("c", text, sizeof text - 1, &handle), 0);
	const std::string message = last_error_message();
	void *from_file = load_source(test_sources() / "compiled.c");
	const std::string file_message = last_error_message();
	unsetenv("METACALL_C_SOURCES");
	EXPECT_TRUE(mentions(message, {"METACALL_C_SOURCES=off"})) << message;
	EXPECT_EQ(from_file, nullptr);
	EXPECT_TRUE(mentions(file_message, {"METACALL_C_SOURCES=off", "compiled.c"})) << file_message;
	EXPECT_EQ(metacall_function("turned_off_sum"), nullptr);
	EXPECT_EQ(call_long(load_source(test_sources() / "compiled.c"), "compiled_sum", {1, 2}), 3)
	    << "switched back on, sources compile again";
}

TEST_F(SourceLoadingTest, AnUndefinedFunctionFailsTheLink) {
	const std::filesystem::path bad = write_file(
	    scratch_folder() / "undefined_call.c", "int not_defined_anywhere_x(int);\n"
	                                           "int calls_it(void) { return not_defined_anywhere_x(1); }\n");
	EXPECT_EQ(load_source(bad), nullptr);
	EXPECT_TRUE(mentions(last_error_message(), {"cannot link", "not_defined_anywhere_x"}));
}

TEST_F(SourceLoadingTest, AnExportedDefinitionOutsideTheSubsetIsAnErrorAtItsPlace) {
	const std::filesystem::path bad =
	    write_file(scratch_folder() / "variadic.c", "int first(int n, ...) {\n\treturn n;\n}\n");
	EXPECT_EQ(load_source(bad), nullptr);
	EXPECT_TRUE(mentions(last_error_message(), {bad.string() + ":1:18:", "variadic"}));
}

TEST_F(SourceLoadingTest, AStaticDefinitionOutsideTheSubsetIsSkipped) {
	const std::filesystem::path source =
	    write_file(scratch_folder() / "static_variadic.c", "static int first(int n, ...) { return n; }\n"
	                                                       "union u { int i; float f; };\n"
	                                                       "int uses_first(int n) { return first(n, 1); }\n");
	void *handle = load_source(source);
	ASSERT_NE(handle, nullptr) << last_error_message();
	Args args{metacall_value_create_int(9)};
	const ValuePtr result(metacallhv_s(handle, "uses_first", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_int(result.get()), 9) << describe(result.get());
}

TEST_F(SourceLoadingTest, AMissingSourceNamesItAndTheFoldersTried) {
	const char *paths[] = {"no_such_source.c"};
	EXPECT_NE(metacall_load_from_file("c", paths, 1, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(),
	                     {"cannot find the C source 'no_such_source.c'", test_libraries().string()}));
}

TEST_F(SourceLoadingTest, SourcesAndALibraryInOneLoadAreRefused) {
	const std::string source = (test_sources() / "compiled.c").string();
	const char *paths[] = {source.c_str(), "libtypes.so"};
	EXPECT_NE(metacall_load_from_file("c", paths, 2, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"C sources or a library, not both"}));
}

TEST_F(SourceLoadingTest, MemoryDefiningFunctionsIsCompiled) {
	const char buffer[] = "int compiled_mult_memory(int a, int b) { return a * b; }";
	void *handle = nullptr;
	// sizeof: the terminating NUL comes along, as MetaCall's callers pass it.
	ASSERT_EQ(metacall_load_from_memory("c", buffer, sizeof(buffer), &handle), 0) << last_error_message();
	Args args{metacall_value_create_int(3), metacall_value_create_int(4)};
	const ValuePtr result(metacallhv_s(handle, "compiled_mult_memory", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_int(result.get()), 12) << describe(result.get());
}

TEST_F(SourceLoadingTest, AMemoryCompileErrorIsReportedWithItsLine) {
	const char buffer[] = "int ok(void) { return 0; }\nint bad(void) { return ; ; }}\n";
	EXPECT_NE(metacall_load_from_memory("c", buffer, sizeof(buffer) - 1, nullptr), 0);
	EXPECT_TRUE(mentions(last_error_message(), {"cannot compile", ":2: error:"}));
}

TEST_F(SourceLoadingTest, DeclarationsInMemoryStillBindToTheProcess) {
	const char buffer[] = "size_t strlen(const char *s);";
	ASSERT_EQ(metacall_load_from_memory("c", buffer, sizeof(buffer), nullptr), 0) << last_error_message();
	Args args{string_value("four")};
	const ValuePtr length(metacallv_s("strlen", args.data(), args.size()));
	EXPECT_EQ(metacall_value_to_long(length.get()), 4) << describe(length.get());
}

TEST_F(SourceLoadingTest, AClearedSourceCanBeLoadedAgain) {
	const char buffer[] = "long reloaded(void) { return 11; }";
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("c", buffer, sizeof(buffer) - 1, &handle), 0) << last_error_message();
	ASSERT_EQ(metacall_clear(handle), 0);
	ASSERT_EQ(metacall_load_from_memory("c", buffer, sizeof(buffer) - 1, &handle), 0) << last_error_message();
	EXPECT_EQ(call_long(handle, "reloaded", {}), 11);
}

TEST_F(SourceLoadingTest, SourcesCompileFromSeveralThreadsAtOnce) {
	constexpr int kThreads = 4;
	std::vector<std::thread> threads;
	std::vector<long> results(kThreads, -1);
	for (int i = 0; i < kThreads; ++i)
		threads.emplace_back([i, &results] {
			const std::string text = "long thread_value(void) { return " + std::to_string(100 + i) + "; }";
			void *handle = nullptr;
			if (metacall_load_from_memory("c", text.c_str(), text.size(), &handle) != 0)
				return;
			const ValuePtr value(metacallhv_s(handle, "thread_value", nullptr, 0));
			results[i] = metacall_value_to_long(value.get());
		});
	for (std::thread &thread : threads)
		thread.join();
	for (int i = 0; i < kThreads; ++i)
		EXPECT_EQ(results[i], 100 + i) << "thread " << i;
}

} // namespace
