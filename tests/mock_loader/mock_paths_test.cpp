// Resolution of script and package names against the execution paths.
#include "mock_paths.h"
#include "mock_script.h"
#include "mock_test_files.h"

#include <gtest/gtest.h>

namespace {

std::string resolve_error(const std::string &name, const std::vector<std::filesystem::path> &folders,
                          mock::Entry entry) {
	try {
		mock::resolve(name, folders, entry);
	} catch (const mock::Error &error) {
		return error.what();
	}
	return "(no error)";
}

TEST(MockPaths, FindsARelativeScriptInTheFirstFolderHoldingIt) {
	TemporaryFolder folder;
	folder.write("second/script.mock", "");
	const auto found =
	    mock::resolve("script.mock", {folder.path() / "first", folder.path() / "second"}, mock::Entry::file);
	EXPECT_EQ(found, folder.path() / "second" / "script.mock");
}

TEST(MockPaths, PrefersEarlierFolders) {
	TemporaryFolder folder;
	folder.write("first/script.mock", "");
	folder.write("second/script.mock", "");
	const auto found =
	    mock::resolve("script.mock", {folder.path() / "first", folder.path() / "second"}, mock::Entry::file);
	EXPECT_EQ(found, folder.path() / "first" / "script.mock");
}

// Changes the working directory for one scope.
class WorkingDirectory {
public:
	explicit WorkingDirectory(const std::filesystem::path &path)
	    : previous_(std::filesystem::current_path()) {
		std::filesystem::current_path(path);
	}
	WorkingDirectory(const WorkingDirectory &) = delete;
	WorkingDirectory &operator=(const WorkingDirectory &) = delete;
	~WorkingDirectory() { std::filesystem::current_path(previous_); }

private:
	std::filesystem::path previous_;
};

TEST(MockPaths, FallsBackToTheWorkingDirectory) {
	TemporaryFolder folder;
	folder.write("here.mock", "");
	const WorkingDirectory here(folder.path());
	const auto found = mock::resolve("here.mock", {folder.path() / "elsewhere"}, mock::Entry::file);
	EXPECT_TRUE(std::filesystem::equivalent(found, folder.path() / "here.mock"));
}

TEST(MockPaths, AcceptsAnAbsolutePath) {
	TemporaryFolder folder;
	const auto file = folder.write("abs.mock", "");
	EXPECT_EQ(mock::resolve(file.string(), {}, mock::Entry::file), file);
}

TEST(MockPaths, AFolderIsNotAScript) {
	TemporaryFolder folder;
	folder.write("pkg/main.mock", "");
	EXPECT_NE(resolve_error("pkg", {folder.path()}, mock::Entry::file), "(no error)");
	EXPECT_EQ(mock::resolve("pkg", {folder.path()}, mock::Entry::directory), folder.path() / "pkg");
}

TEST(MockPaths, AMissingScriptNamesItselfAndEveryFolderTried) {
	TemporaryFolder folder;
	const std::string error =
	    resolve_error("missing.mock", {folder.path() / "a", folder.path() / "b"}, mock::Entry::file);
	EXPECT_NE(error.find("'missing.mock'"), std::string::npos) << error;
	EXPECT_NE(error.find((folder.path() / "a").string()), std::string::npos) << error;
	EXPECT_NE(error.find((folder.path() / "b").string()), std::string::npos) << error;
	EXPECT_NE(error.find(std::filesystem::current_path().string()), std::string::npos) << error;
}

} // namespace
