// Lifecycle: the library reports the version its headers were generated with.
#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <string>

TEST(Version, LibraryMatchesTheHeader) {
	ASSERT_NE(metacall_version_str(), nullptr);
	EXPECT_STREQ(metacall_version_str(), METACALL_VERSION);
}

TEST(Version, IsMajorMinorPatch) {
	const std::string expected = std::to_string(METACALL_VERSION_MAJOR) + "." +
	                             std::to_string(METACALL_VERSION_MINOR) + "." +
	                             std::to_string(METACALL_VERSION_PATCH);
	EXPECT_EQ(std::string(metacall_version_str()), expected);
}

TEST(Version, IsAvailableWithoutInitialize) {
	EXPECT_STREQ(metacall_version_str(), METACALL_VERSION);
}
