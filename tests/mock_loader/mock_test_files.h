// A temporary folder of script files for the mock loader's tests, removed afterwards.
#ifndef MOCK_TEST_FILES_H
#define MOCK_TEST_FILES_H

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

class TemporaryFolder {
public:
	TemporaryFolder() {
		const auto *test = ::testing::UnitTest::GetInstance()->current_test_info();
		path_ = std::filesystem::temp_directory_path() / ("mock_loader_test_" + std::to_string(::getpid()) +
		                                                  "_" + test->test_suite_name() + "_" + test->name());
		std::filesystem::remove_all(path_);
		std::filesystem::create_directories(path_);
	}
	TemporaryFolder(const TemporaryFolder &) = delete;
	TemporaryFolder &operator=(const TemporaryFolder &) = delete;
	~TemporaryFolder() {
		std::error_code ignored;
		std::filesystem::remove_all(path_, ignored);
	}

	const std::filesystem::path &path() const { return path_; }

	// Writes `text` to `relative` (creating folders) and returns its full path.
	std::filesystem::path write(const std::filesystem::path &relative, const std::string &text) const {
		const std::filesystem::path file = path_ / relative;
		std::filesystem::create_directories(file.parent_path());
		std::ofstream(file, std::ios::binary) << text;
		return file;
	}

private:
	std::filesystem::path path_;
};

#endif
