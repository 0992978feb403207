// metacall_load_from_configuration refuses configuration files that are not what MetaCall's format
// asks for, naming the file and the key; metacall_load_from_package_ex refuses options it would
// ignore. (Successful loads need a real loader: tests/metacall_compat.)
#include "../support/error_text.h"
#include "../support/owned_value.h"
#include "../support/runtime_fixture.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

using core_test::LastErrorContains;
using core_test::own;

namespace {

class Configuration : public core_test::RuntimeTest {
protected:
	// Writes `text` to a new file and returns its path.
	std::string write(const std::string &text) {
		char name[] = "/tmp/metacall_configuration_XXXXXX";
		const int fd = mkstemp(name);
		EXPECT_GE(fd, 0);
		close(fd);
		std::ofstream(name) << text;
		files.push_back(name);
		return name;
	}
	void TearDown() override {
		for (const auto &f : files)
			std::remove(f.c_str());
		RuntimeTest::TearDown();
	}
	int load(const std::string &text) {
		return metacall_load_from_configuration(write(text).c_str(), nullptr, nullptr);
	}
	std::vector<std::string> files;
};

} // namespace

TEST_F(Configuration, MissingFileIsRefused) {
	EXPECT_EQ(metacall_load_from_configuration("/nonexistent/metacall.json", nullptr, nullptr), 1);
	EXPECT_TRUE(LastErrorContains("/nonexistent/metacall.json"));
	EXPECT_EQ(metacall_load_from_configuration(nullptr, nullptr, nullptr), 1);
}

TEST_F(Configuration, TextThatIsNotAJsonObjectIsRefused) {
	EXPECT_EQ(load(""), 1);
	EXPECT_TRUE(LastErrorContains("not a JSON object"));
	EXPECT_EQ(load("[1]"), 1);
	EXPECT_EQ(load("{\"language_id\": "), 1);
}

TEST_F(Configuration, EachKeyMustBeThereWithItsType) {
	EXPECT_EQ(load("{}"), 1);
	EXPECT_TRUE(LastErrorContains("\"language_id\""));
	EXPECT_EQ(load("{\"language_id\": 3, \"scripts\": [\"a.js\"]}"), 1);
	EXPECT_TRUE(LastErrorContains("must be a string"));
	EXPECT_EQ(load("{\"language_id\": \"node\"}"), 1);
	EXPECT_TRUE(LastErrorContains("\"scripts\""));
	EXPECT_EQ(load("{\"language_id\": \"node\", \"scripts\": []}"), 1);
	EXPECT_TRUE(LastErrorContains("non-empty"));
	EXPECT_EQ(load("{\"language_id\": \"node\", \"scripts\": \"a.js\"}"), 1);
	EXPECT_EQ(load("{\"language_id\": \"node\", \"scripts\": [1]}"), 1);
	EXPECT_TRUE(LastErrorContains("every entry"));
	EXPECT_EQ(load("{\"language_id\": \"node\", \"path\": 2, \"scripts\": [\"a.js\"]}"), 1);
	EXPECT_TRUE(LastErrorContains("\"path\" must be a string"));
}

TEST_F(Configuration, AFailedLoadNamesTheConfiguration) {
	const std::string path = write("{\"language_id\": \"nosuchlanguage\", \"scripts\": [\"a.x\"]}");
	EXPECT_EQ(metacall_load_from_configuration(path.c_str(), nullptr, nullptr), 1);
	EXPECT_TRUE(LastErrorContains(path));
	EXPECT_TRUE(LastErrorContains("nosuchlanguage"));
}

TEST_F(Configuration, PackageExRefusesOptionsItWouldIgnore) {
	const void *pair[] = {metacall_value_create_string("headers", 7),
	                      metacall_value_create_array(nullptr, 0)};
	const void *tuples[] = {metacall_value_create_array(pair, 2)};
	auto options = own(metacall_value_create_map(tuples, 1));
	EXPECT_EQ(metacall_load_from_package_ex("c", "m", nullptr, options.get()), 1);
	EXPECT_TRUE(LastErrorContains("takes no load options"));
	int not_a_value = 0;
	EXPECT_EQ(metacall_load_from_package_ex("c", "m", nullptr, &not_a_value), 1);
}

TEST_F(Configuration, PackageExWithoutOptionsIsLoadFromPackage) {
	auto empty = own(metacall_value_create_map(nullptr, 0));
	EXPECT_EQ(metacall_load_from_package_ex("nosuchlanguage", "m", nullptr, empty.get()), 1);
	EXPECT_TRUE(LastErrorContains("nosuchlanguage")); // the plug-in lookup's error, as load_from_package's
}
