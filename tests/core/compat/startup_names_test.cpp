// MetaCall's start-up, loader and handle names (metacall_startup.h): arguments, flags, start-up
// options, a loader's type names, handles the host makes and fills, metacall_value_move, and the
// honest NULLs of the detour and plug-in names. Loads use the mock loader (tag "mock").
#include "../support/error_text.h"
#include "../support/owned_value.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <string>

using core_test::LastErrorContains;
using core_test::own;

namespace {

void *plus_closure(size_t argc, void *argv[], void *data) {
	(void)argc;
	return metacall_value_create_long(metacall_value_to_long(argv[0]) + *static_cast<long *>(data));
}

class StartupNames : public ::testing::Test {
protected:
	void TearDown() override {
		metacall_destroy();
		metacall_error_clear();
	}
	void start() { ASSERT_EQ(metacall_initialize(), 0) << core_test::last_error_message().value_or(""); }
	// Loads `source` (mock language) into a new handle.
	void *load(const char *source) {
		void *handle = nullptr;
		EXPECT_EQ(metacall_load_from_memory("mock", source, std::string(source).size(), &handle), 0)
		    << core_test::last_error_message().value_or("");
		return handle;
	}
};

} // namespace

TEST_F(StartupNames, ArgumentsAreThoseRecorded) {
	EXPECT_EQ(metacall_argc(), 0);
	EXPECT_EQ(metacall_argv(), nullptr);
	char first[] = "host", second[] = "--flag";
	char *argv[] = {first, second, nullptr};
	metacall_initialize_args(2, argv);
	start();
	EXPECT_EQ(metacall_argc(), 2);
	EXPECT_EQ(metacall_argv(), argv);
	EXPECT_STREQ(metacall_argv()[1], "--flag");
}

TEST_F(StartupNames, ArgsSizeIsMetaCallsSixteen) {
	EXPECT_EQ(metacall_args_size(), 16u);
}

TEST_F(StartupNames, ForkSafeFlagIsAcceptedBeforeInitialize) {
	metacall_flags(METACALL_FLAGS_FORK_SAFE);
	start();
	EXPECT_EQ(metacall_is_initialized(nullptr), 0);
}

TEST_F(StartupNames, InitializeExWithoutOptionsInitializes) {
	struct metacall_initialize_configuration_type config[] = {{"mock", nullptr}, {nullptr, nullptr}};
	ASSERT_EQ(metacall_initialize_ex(config), 0) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_is_initialized(nullptr), 0);
}

TEST_F(StartupNames, InitializeExAcceptsANullArrayAndEmptyMaps) {
	auto empty = own(metacall_value_create_map(nullptr, 0));
	struct metacall_initialize_configuration_type config[] = {{"py", empty.get()}, {nullptr, nullptr}};
	ASSERT_EQ(metacall_initialize_ex(config), 0) << core_test::last_error_message().value_or("");
	metacall_destroy();
	EXPECT_EQ(metacall_initialize_ex(nullptr), 0);
}

TEST_F(StartupNames, InitializeExRefusesOptionsBeforeStarting) {
	const void *pair[] = {metacall_value_create_string("k", 1), metacall_value_create_long(1)};
	const void *tuple[] = {metacall_value_create_array(pair, 2)};
	auto options = own(metacall_value_create_map(tuple, 1));
	struct metacall_initialize_configuration_type config[] = {{"node", options.get()}, {nullptr, nullptr}};
	EXPECT_NE(metacall_initialize_ex(config), 0);
	EXPECT_TRUE(LastErrorContains("'node' takes no start-up options"));
	EXPECT_NE(metacall_is_initialized(nullptr), 0);
}

TEST_F(StartupNames, DetourAndPluginNamesAnswerNullWithTheReason) {
	start();
	EXPECT_EQ(metacall_detour(), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_detour: libmetacall has no detours"));
	EXPECT_EQ(metacall_plugin_extension(), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_plugin_extension"));
	EXPECT_EQ(metacall_plugin_core(), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_plugin_core"));
	EXPECT_EQ(metacall_plugin_path(), nullptr);
	EXPECT_TRUE(LastErrorContains("metacall_plugin_path"));
}

TEST_F(StartupNames, ValueMoveLeavesBothValuesAsTheyWere) {
	auto src = own(metacall_value_create_long(5));
	auto dest = own(metacall_value_create_string("x", 1));
	metacall_error_clear();
	metacall_value_move(src.get(), dest.get());
	EXPECT_EQ(metacall_value_to_long(src.get()), 5);
	EXPECT_STREQ(metacall_value_to_string(dest.get()), "x");
	EXPECT_FALSE(core_test::last_error_message().has_value());
	int not_a_value = 0;
	metacall_value_move(&not_a_value, dest.get());
	EXPECT_TRUE(LastErrorContains("metacall_value_move"));
}

TEST_F(StartupNames, LoaderIsTheSamePointerForATag) {
	start();
	void *mock = metacall_loader("mock");
	ASSERT_NE(mock, nullptr) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_loader("mock"), mock);
	EXPECT_EQ(metacall_is_initialized("mock"), 0) << "metacall_loader starts the loader";
	EXPECT_NE(metacall_loader("__metacall_host__"), nullptr);
	EXPECT_EQ(metacall_loader("no_such_tag"), nullptr);
	EXPECT_TRUE(LastErrorContains("no_such_tag"));
}

TEST_F(StartupNames, LoaderTypesOfALoaderWithoutKnownNamesIsAnError) {
	start();
	struct metacall_loader_type *types = reinterpret_cast<struct metacall_loader_type *>(1);
	size_t size = 7;
	EXPECT_NE(metacall_loader_types("mock", &types, &size), 0);
	EXPECT_EQ(types, nullptr);
	EXPECT_EQ(size, 0u);
	EXPECT_TRUE(LastErrorContains("'mock' loader"));
	EXPECT_NE(metacall_loader_types(nullptr, &types, &size), 0);
	EXPECT_NE(metacall_loader_types("mock", nullptr, &size), 0);
}

TEST_F(StartupNames, HostMadeHandleReceivesRegisteredFunctions) {
	start();
	void *handle = nullptr;
	ASSERT_EQ(metacall_handle_initialize(metacall_loader("mock"), "made_by_host", &handle), 0)
	    << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_handle("mock", "made_by_host"), handle);
	long offset = 100;
	enum metacall_value_id types[] = {METACALL_LONG};
	ASSERT_EQ(metacall_register_loaderv(metacall_loader("mock"), handle, "plus", plus_closure, METACALL_LONG,
	                                    1, types, &offset),
	          0)
	    << core_test::last_error_message().value_or("");
	auto arg = own(metacall_value_create_long(5));
	void *args[] = {arg.get()};
	auto result = own(metacallhv_s(handle, "plus", args, 1));
	ASSERT_NE(result, nullptr) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_value_to_long(result.get()), 105);
	EXPECT_EQ(metacall_function("plus"), nullptr) << "a handle's function is not global";
	EXPECT_NE(metacall_register_loaderv(metacall_loader("mock"), handle, "plus", plus_closure, METACALL_LONG,
	                                    1, types, &offset),
	          0);
	EXPECT_TRUE(LastErrorContains("'plus' is already defined in the handle 'made_by_host'"));
	EXPECT_EQ(metacall_clear(handle), 0);
}

TEST_F(StartupNames, RegisterLoaderWithoutHandleIsGlobalInMetaCallsOrder) {
	start();
	long offset = 1;
	enum metacall_value_id types[] = {METACALL_LONG};
	ASSERT_EQ(metacall_register_loaderv(metacall_loader("__metacall_host__"), nullptr, "plus_one",
	                                    plus_closure, METACALL_LONG, 1, types, &offset),
	          0)
	    << core_test::last_error_message().value_or("");
	auto arg = own(metacall_value_create_long(41));
	void *args[] = {arg.get()};
	auto result = own(metacallv_s("plus_one", args, 1));
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_to_long(result.get()), 42);
}

TEST_F(StartupNames, HandleInitializeRefusesBadLoadersAndNames) {
	start();
	int not_a_loader = 0;
	void *handle = nullptr;
	EXPECT_NE(metacall_handle_initialize(&not_a_loader, "h", &handle), 0);
	EXPECT_TRUE(LastErrorContains("not a started loader"));
	EXPECT_NE(metacall_handle_initialize(metacall_loader("mock"), "", &handle), 0);
	ASSERT_EQ(metacall_handle_initialize(metacall_loader("mock"), "twice", &handle), 0);
	void *again = nullptr;
	EXPECT_NE(metacall_handle_initialize(metacall_loader("mock"), "twice", &again), 0);
	EXPECT_TRUE(LastErrorContains("already has a handle named 'twice'"));
	EXPECT_EQ(again, nullptr);
}

TEST_F(StartupNames, PopulateSharesTheSourceFunctionsUntilTheSourceIsCleared) {
	start();
	void *source = load("fn sum(a, b) = add\n");
	ASSERT_NE(source, nullptr);
	void *dest = nullptr;
	ASSERT_EQ(metacall_handle_initialize(metacall_loader("mock"), "dest", &dest), 0);
	ASSERT_EQ(metacall_handle_populate(dest, source), 0) << core_test::last_error_message().value_or("");
	auto a = own(metacall_value_create_long(2)), b = own(metacall_value_create_long(3));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallhv_s(dest, "sum", args, 2));
	ASSERT_NE(result, nullptr) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_value_to_long(result.get()), 5);

	EXPECT_NE(metacall_handle_populate(dest, source), 0) << "all or nothing: 'sum' is there already";
	EXPECT_TRUE(LastErrorContains("'sum' is already defined"));

	void *kept = metacall_handle_function(dest, "sum");
	ASSERT_EQ(metacall_clear(source), 0);
	EXPECT_EQ(metacallfv_s(kept, args, 2), nullptr) << "the source's functions are unloaded with it";
	EXPECT_TRUE(LastErrorContains("unloaded"));
}

TEST_F(StartupNames, ClearingThePopulatedHandleLeavesTheSourceWorking) {
	start();
	void *source = load("fn sum(a, b) = add\n");
	void *dest = nullptr;
	ASSERT_EQ(metacall_handle_initialize(metacall_loader("mock"), "dest", &dest), 0);
	ASSERT_EQ(metacall_handle_populate(dest, source), 0);
	ASSERT_EQ(metacall_clear(dest), 0);
	auto a = own(metacall_value_create_long(2)), b = own(metacall_value_create_long(3));
	void *args[] = {a.get(), b.get()};
	auto result = own(metacallhv_s(source, "sum", args, 2));
	ASSERT_NE(result, nullptr) << core_test::last_error_message().value_or("");
	EXPECT_EQ(metacall_value_to_long(result.get()), 5);
	int not_a_handle = 0;
	EXPECT_NE(metacall_handle_populate(&not_a_handle, source), 0);
	EXPECT_NE(metacall_handle_populate(source, &not_a_handle), 0);
}
