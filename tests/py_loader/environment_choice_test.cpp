// Which environment the py loader chooses (source/loaders/py_loader/python_environment.h), on
// venvs and interpreters made in a temporary folder, with the variables given per test: no CPython.
#include "python_environment.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using py_loader::choose_python_environment;
using py_loader::EnvironmentInputs;
using py_loader::PythonEnvironment;

class EnvironmentChoice : public ::testing::Test {
protected:
	void SetUp() override {
		root_ = fs::temp_directory_path() / ("metacall-env-choice-" + std::to_string(getpid()) + "-" +
		                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
		fs::remove_all(root_);
		fs::create_directories(root_);
		default_python_ = program(root_ / "usr/bin/python3");
	}
	void TearDown() override { fs::remove_all(root_); }

	// An executable file at `path`.
	static fs::path program(const fs::path &path) {
		fs::create_directories(path.parent_path());
		std::ofstream(path) << "#!/bin/sh\n";
		fs::permissions(path, fs::perms::owner_all);
		return path;
	}
	// A venv at root/name: pyvenv.cfg with `version_line`, and bin/python unless told otherwise.
	fs::path venv(const std::string &name, const std::string &version_line = "version = 3.11.2",
	              bool with_interpreter = true) {
		const fs::path folder = root_ / name;
		fs::create_directories(folder / "bin");
		std::ofstream(folder / "pyvenv.cfg") << "home = /usr/bin\ninclude-system-site-packages = false\n"
		                                     << version_line << "\n";
		if (with_interpreter)
			program(folder / "bin/python");
		return folder;
	}

	std::optional<PythonEnvironment> choose() {
		EnvironmentInputs inputs;
		inputs.variable = [this](const char *name) -> std::optional<std::string> {
			auto found = variables_.find(name);
			return found == variables_.end() ? std::nullopt : std::optional<std::string>(found->second);
		};
		inputs.default_executable = default_python_.string();
		inputs.runtime_version = "3.11.2";
		error_.clear();
		return choose_python_environment(inputs, error_);
	}

	fs::path root_;
	fs::path default_python_;
	std::map<std::string, std::string> variables_;
	std::string error_;
};

TEST_F(EnvironmentChoice, NothingSetGivesTheBuildsPython) {
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->executable, default_python_.string());
	EXPECT_EQ(chosen->venv, "");
	EXPECT_EQ(chosen->source, "the build's Python");
}

TEST_F(EnvironmentChoice, VirtualEnvGivesTheVenvsInterpreter) {
	const fs::path folder = venv("venv");
	variables_["VIRTUAL_ENV"] = folder.string() + "/"; // a trailing slash is the same folder
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->executable, (folder / "bin/python").string());
	EXPECT_EQ(chosen->venv, folder.string());
	EXPECT_EQ(chosen->version, "3.11.2");
	EXPECT_EQ(chosen->source, "VIRTUAL_ENV=" + folder.string() + "/");
}

TEST_F(EnvironmentChoice, AVenvWithOnlyPython3IsFound) {
	const fs::path folder = venv("venv", "version = 3.11.2", false);
	program(folder / "bin/python3");
	variables_["VIRTUAL_ENV"] = folder.string();
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->executable, (folder / "bin/python3").string());
}

TEST_F(EnvironmentChoice, AVenvInterpreterFirstOnPathIsUsedWithoutVirtualEnv) {
	const fs::path folder = venv("venv");
	program(folder / "bin/python3");
	variables_["PATH"] = (folder / "bin").string() + ":/usr/bin";
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->executable, (folder / "bin/python3").string());
	EXPECT_EQ(chosen->venv, folder.string());
	EXPECT_EQ(chosen->source, "the first python3 on PATH, " + (folder / "bin/python3").string());
}

TEST_F(EnvironmentChoice, APython3FirstOnPathOutsideAVenvIsNotUsed) {
	// pyenv's shims, another installation: only the build's Python matches the libpython.
	const fs::path shim = program(root_ / "pyenv/shims/python3");
	variables_["PATH"] = shim.parent_path().string() + ":/usr/bin";
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->executable, default_python_.string());
}

TEST_F(EnvironmentChoice, VirtualEnvWinsOverPath) {
	const fs::path active = venv("active");
	const fs::path other = venv("other");
	program(other / "bin/python3");
	variables_["VIRTUAL_ENV"] = active.string();
	variables_["PATH"] = (other / "bin").string();
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->venv, active.string());
}

TEST_F(EnvironmentChoice, MetacallPythonNamingAVenvWinsOverVirtualEnv) {
	const fs::path named = venv("named");
	variables_["METACALL_PYTHON"] = named.string();
	variables_["VIRTUAL_ENV"] = venv("active").string();
	variables_["METACALL_PYTHON_EXECUTABLE"] = default_python_.string();
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->venv, named.string());
	EXPECT_EQ(chosen->source, "METACALL_PYTHON=" + named.string());
}

TEST_F(EnvironmentChoice, MetacallPythonNamingAnInterpreterOutsideAVenv) {
	const fs::path python = program(root_ / "opt/python/bin/python3.11");
	variables_["METACALL_PYTHON"] = python.string();
	variables_["VIRTUAL_ENV"] = venv("active").string();
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->executable, python.string());
	EXPECT_EQ(chosen->venv, "");
}

TEST_F(EnvironmentChoice, MetacallPythonNamingAVenvsInterpreterFindsTheVenv) {
	const fs::path folder = venv("venv");
	variables_["METACALL_PYTHON"] = (folder / "bin/python").string();
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->venv, folder.string());
}

TEST_F(EnvironmentChoice, MetacallPythonExecutableStillNamesTheInterpreter) {
	const fs::path folder = venv("venv");
	variables_["METACALL_PYTHON_EXECUTABLE"] = (folder / "bin/python").string();
	variables_["VIRTUAL_ENV"] = venv("active").string();
	auto chosen = choose();
	ASSERT_TRUE(chosen) << error_;
	EXPECT_EQ(chosen->venv, folder.string());
	EXPECT_EQ(chosen->source, "METACALL_PYTHON_EXECUTABLE=" + (folder / "bin/python").string());
}

TEST_F(EnvironmentChoice, AVenvOfAnotherMinorVersionIsRefusedNamingBoth) {
	const fs::path folder = venv("venv312", "version = 3.12.1");
	variables_["VIRTUAL_ENV"] = folder.string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("3.12.1"), std::string::npos) << error_;
	EXPECT_NE(error_.find("3.11.2"), std::string::npos) << error_;
	EXPECT_NE(error_.find(folder.string()), std::string::npos) << error_;
}

TEST_F(EnvironmentChoice, AVirtualenvVersionInfoLineIsReadToo) {
	variables_["VIRTUAL_ENV"] = venv("venv310", "version_info = 3.10.4.final.0").string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("3.10.4.final.0"), std::string::npos) << error_;
}

TEST_F(EnvironmentChoice, AVenvOfAnotherMinorVersionFirstOnPathIsRefused) {
	const fs::path folder = venv("venv312", "version = 3.12.1");
	program(folder / "bin/python3");
	variables_["PATH"] = (folder / "bin").string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("3.12.1"), std::string::npos) << error_;
}

TEST_F(EnvironmentChoice, AnotherPatchVersionIsAccepted) {
	variables_["VIRTUAL_ENV"] = venv("venv", "version = 3.11.7").string();
	EXPECT_TRUE(choose()) << error_;
}

TEST_F(EnvironmentChoice, AnInterpreterNamedForAnotherMinorVersionIsRefused) {
	variables_["METACALL_PYTHON"] = program(root_ / "bin/python3.12").string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("Python 3.12"), std::string::npos) << error_;
	EXPECT_NE(error_.find("3.11.2"), std::string::npos) << error_;
}

TEST_F(EnvironmentChoice, AVirtualEnvThatIsNotAVenvIsAClearError) {
	variables_["VIRTUAL_ENV"] = (root_ / "gone").string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("VIRTUAL_ENV=" + (root_ / "gone").string() + " is not a virtualenv"),
	          std::string::npos)
	    << error_;
}

TEST_F(EnvironmentChoice, AMissingMetacallPythonIsAClearError) {
	variables_["METACALL_PYTHON"] = (root_ / "nothing/python").string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("no such interpreter"), std::string::npos) << error_;
}

TEST_F(EnvironmentChoice, AFolderWithoutPyvenvCfgIsAClearError) {
	fs::create_directories(root_ / "plain");
	variables_["METACALL_PYTHON"] = (root_ / "plain").string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("without pyvenv.cfg"), std::string::npos) << error_;
}

TEST_F(EnvironmentChoice, AVenvWithoutAnInterpreterIsAClearError) {
	variables_["VIRTUAL_ENV"] = venv("empty", "version = 3.11.2", false).string();
	EXPECT_FALSE(choose());
	EXPECT_NE(error_.find("has no bin/python"), std::string::npos) << error_;
}

} // namespace
