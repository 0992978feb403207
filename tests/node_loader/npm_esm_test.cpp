// An ESM-only npm package (nanoid 5, installed by the fixture node_loader.InstallNpmPackages into
// NODE_TEST_NPM_FOLDER/node_modules): loaded by its name, which Node 18 cannot require(), and
// imported by ES module source from memory.
#include "node_test.h"

#ifndef NODE_TEST_NPM_FOLDER
#  error "NODE_TEST_NPM_FOLDER must name the folder where npm installed nanoid"
#endif

namespace {

class NodeEsmPackage : public ::testing::Test {
protected:
	void SetUp() override {
		ASSERT_TRUE(
		    std::filesystem::exists(std::string(NODE_TEST_NPM_FOLDER) + "/node_modules/nanoid/package.json"))
		    << "nanoid is not installed in " NODE_TEST_NPM_FOLDER
		       " (the fixture node_loader.InstallNpmPackages)";
		ASSERT_EQ(metacall_initialize(), 0) << last_error();
		ASSERT_EQ(metacall_execution_path("node", NODE_TEST_NPM_FOLDER), 0) << last_error();
	}
	void TearDown() override { metacall_destroy(); }
};

// nanoid's alphabet: A-Za-z0-9_-.
bool is_nanoid(const std::string &id, size_t length) {
	if (id.size() != length)
		return false;
	for (char c : id)
		if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
			return false;
	return true;
}

TEST_F(NodeEsmPackage, AnEsmOnlyPackageLoadsByName) {
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_package("node", "nanoid", &handle), 0) << last_error();
	void *args[] = {metacall_value_create_long(10)};
	ValuePtr id(metacallhv_s(handle, "nanoid", args, 1));
	metacall_value_destroy(args[0]);
	ASSERT_EQ(metacall_value_id(id.get()), METACALL_STRING) << describe(id.get());
	EXPECT_TRUE(is_nanoid(text_of(id.get()), 10)) << text_of(id.get());
	EXPECT_NE(metacall_handle_function(handle, "customAlphabet"), nullptr);
}

TEST_F(NodeEsmPackage, EsModuleSourceFromMemoryImportsAnEsmOnlyPackageFromAnExecutionPath) {
	// Not in the working directory's node_modules: found from the execution path, as packages are.
	ASSERT_FALSE(std::filesystem::exists(std::filesystem::current_path() / "node_modules" / "nanoid"));
	const std::string source = "import { customAlphabet } from 'nanoid';\n"
	                           "export const digits = (size) => customAlphabet('0123456789', size)();\n";
	void *handle = nullptr;
	ASSERT_EQ(metacall_load_from_memory("node", source.data(), source.size(), &handle), 0) << last_error();
	void *args[] = {metacall_value_create_long(6)};
	ValuePtr id(metacallhv_s(handle, "digits", args, 1));
	metacall_value_destroy(args[0]);
	const std::string text = text_of(id.get());
	EXPECT_EQ(text.size(), 6u) << describe(id.get());
	EXPECT_EQ(text.find_first_not_of("0123456789"), std::string::npos) << text;
}

TEST_F(NodeEsmPackage, AMissingPackageStillFailsNamingIt) {
	metacall_error_clear();
	EXPECT_NE(metacall_load_from_package("node", "no-such-esm-package", nullptr), 0);
	EXPECT_NE(last_error_message().find("no-such-esm-package"), std::string::npos) << last_error();
}

} // namespace
