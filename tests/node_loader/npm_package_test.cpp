// A real npm package from the registry (semver 7, installed by the fixture
// node_loader.InstallNpmPackages into NODE_TEST_NPM_FOLDER/node_modules): loaded by its package
// name, which node_modules resolution finds from an execution path, and called from C.
#include "node_test.h"

#ifndef NODE_TEST_NPM_FOLDER
#  error "NODE_TEST_NPM_FOLDER must name the folder where npm installed semver"
#endif

namespace {

class NodeNpmPackage : public ::testing::Test {
protected:
	void SetUp() override {
		ASSERT_TRUE(
		    std::filesystem::exists(std::string(NODE_TEST_NPM_FOLDER) + "/node_modules/semver/package.json"))
		    << "semver is not installed in " NODE_TEST_NPM_FOLDER
		       " (the fixture node_loader.InstallNpmPackages "
		       "runs npm install)";
		ASSERT_EQ(metacall_initialize(), 0) << last_error();
		ASSERT_EQ(metacall_execution_path("node", NODE_TEST_NPM_FOLDER), 0) << last_error();
		ASSERT_EQ(metacall_load_from_package("node", "semver", &handle_), 0) << last_error();
	}
	void TearDown() override { metacall_destroy(); }

	// semver.name(args...), taking the arguments.
	ValuePtr semver(const char *name, std::initializer_list<void *> args) {
		Args owned(args);
		return ValuePtr(metacallhv_s(handle_, name, owned.data(), owned.size()));
	}

	void *handle_ = nullptr;
};

TEST_F(NodeNpmPackage, LoadsByPackageNameThroughNodeModulesOfAnExecutionPath) {
	EXPECT_NE(metacall_handle_function(handle_, "satisfies"), nullptr);
	EXPECT_NE(metacall_handle_function(handle_, "valid"), nullptr);
	EXPECT_EQ(metacall_function("satisfies"), nullptr) << "a handle load leaked into the global scope";
}

TEST_F(NodeNpmPackage, SatisfiesChecksARange) {
	EXPECT_TRUE(is_bool(
	    semver("satisfies", {string_value("1.2.3"), string_value("^1.0.0"), metacall_value_create_null()})
	        .get(),
	    true));
	EXPECT_TRUE(is_bool(
	    semver("satisfies", {string_value("2.0.0"), string_value("^1.0.0"), metacall_value_create_null()})
	        .get(),
	    false));
}

TEST_F(NodeNpmPackage, ValidNormalizesOrReturnsNull) {
	EXPECT_TRUE(
	    is_string(semver("valid", {string_value("v1.2.3"), metacall_value_create_null()}).get(), "1.2.3"));
	EXPECT_TRUE(
	    is_null(semver("valid", {string_value("not a version"), metacall_value_create_null()}).get()));
}

TEST_F(NodeNpmPackage, GtComparesVersions) {
	EXPECT_TRUE(is_bool(
	    semver("gt", {string_value("2.0.0"), string_value("1.99.99"), metacall_value_create_null()}).get(),
	    true));
	EXPECT_TRUE(is_bool(
	    semver("gt", {string_value("1.0.0-alpha"), string_value("1.0.0"), metacall_value_create_null()})
	        .get(),
	    false));
}

TEST_F(NodeNpmPackage, AnInvalidVersionThrowsATypeError) {
	// new SemVer('not a version') throws TypeError('Invalid Version: not a version').
	const ValuePtr result = semver(
	    "compare", {string_value("not a version"), string_value("1.0.0"), metacall_value_create_null()});
	EXPECT_TRUE(is_error(result.get(), "TypeError", "Invalid Version"));
}

} // namespace
