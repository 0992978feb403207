// The host-v8 mode's choices and refusals, in processes whose "V8" is a stand-in (fake_v8.c) that
// reports a version ($FAKE_V8_VERSION, default 9.8.177.0-fake) and whether it was started: one process per
// test (the decision is made once per process). What Node on a real host V8 does is tested with the game
// server (tests/game_server).
#include "v8less.h"

#include <metacall/metacall.h>

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// What libnode_v8less.so.108 was built for: its note, read as the relink module reads it.
std::string v8less_version() {
	std::string error;
	const auto abi = metacall_relink::read_v8less_abi(HOST_V8_TEST_V8LESS_LIBRARY, error);
	return abi ? abi->v8_version : "(" + error + ")";
}

// Collects what the library writes to stderr (its log) while it lives.
class StderrCapture {
public:
	StderrCapture() : file_(std::tmpfile()), saved_(dup(2)) { dup2(fileno(file_), 2); }
	~StderrCapture() {
		dup2(saved_, 2);
		close(saved_);
		std::fclose(file_);
	}
	std::string text() {
		std::fflush(stderr);
		std::string out;
		std::rewind(file_);
		for (int c; (c = std::fgetc(file_)) != EOF;)
			out += static_cast<char>(c);
		return out;
	}

private:
	std::FILE *file_;
	int saved_;
};

class HostV8 : public ::testing::Test {
protected:
	void SetUp() override {
		setenv("METACALL_LOG", "info", 1);
		unsetenv("METACALL_RELINK_NODE");
		unsetenv("METACALL_NODE_V8LESS_LIBRARY");
		unsetenv("FAKE_V8_VERSION");
	}
	void TearDown() override {
		if (initialized_)
			metacall_destroy();
	}
	// Loads the stand-in V8 the way a host links its V8 (global).
	void load_host_v8(const char *library) {
		ASSERT_NE(dlopen(library, RTLD_NOW | RTLD_GLOBAL), nullptr) << dlerror();
	}
	// Loads a JavaScript module; on failure `error` holds the thread's last error.
	bool load_js(std::string &error) {
		if (!initialized_) {
			EXPECT_EQ(metacall_initialize(), 0);
			initialized_ = true;
		}
		const char script[] = "module.exports = { answer: () => 42 };";
		if (metacall_load_from_memory("node", script, sizeof script - 1, nullptr) == 0)
			return true;
		metacall_exception_type exception{};
		error = metacall_error_last(&exception) == 0 ? exception.message : "(no error)";
		return false;
	}
	bool initialized_ = false;
};

TEST_F(HostV8, ForcedOnAV8OfAnotherVersionIsRefusedNamingBothVersions) {
	load_host_v8(HOST_V8_TEST_FAKE_V8);
	setenv("METACALL_RELINK_NODE", "host-v8", 1);
	StderrCapture log;
	std::string error;
	ASSERT_FALSE(load_js(error));
	for (const std::string &text : {error, log.text()}) {
		EXPECT_NE(text.find("9.8.177.0-fake"), std::string::npos) << text;
		EXPECT_NE(text.find(v8less_version()), std::string::npos) << text;
	}
	EXPECT_NE(error.find("host-v8"), std::string::npos) << error;
}

TEST_F(HostV8, AutomaticallyAV8OfAnotherVersionIsPassedOverForTheIsolatedModeSayingWhy) {
	load_host_v8(HOST_V8_TEST_FAKE_V8);
	StderrCapture log;
	std::string error;
	ASSERT_TRUE(load_js(error)) << error;
	void *result = metacallv_s("answer", nullptr, 0);
	ASSERT_NE(result, nullptr);
	EXPECT_EQ(metacall_value_to_double(result), 42); // a JS number
	metacall_value_destroy(result);
	const std::string text = log.text();
	EXPECT_NE(text.find("host-v8 does not apply"), std::string::npos) << text;
	EXPECT_NE(text.find("9.8.177.0-fake"), std::string::npos) << text;
	EXPECT_NE(text.find(v8less_version()), std::string::npos) << text;
	EXPECT_NE(text.find("isolated mode"), std::string::npos) << text;
}

TEST_F(HostV8, ForcedWithoutAV8IsRefusedSayingSo) {
	setenv("METACALL_RELINK_NODE", "host-v8", 1);
	std::string error;
	ASSERT_FALSE(load_js(error));
	EXPECT_NE(error.find("no initialised V8"), std::string::npos) << error;
}

TEST_F(HostV8, ForcedOnAV8ThatWasNotStartedIsRefusedSayingSo) {
	load_host_v8(HOST_V8_TEST_FAKE_UNSTARTED);
	setenv("METACALL_RELINK_NODE", "host-v8", 1);
	std::string error;
	ASSERT_FALSE(load_js(error));
	EXPECT_NE(error.find("has not been started"), std::string::npos) << error;
}

TEST_F(HostV8, AMissingV8lessLibraryIsNamedInTheError) {
	setenv("FAKE_V8_VERSION", v8less_version().c_str(), 1); // the right version
	load_host_v8(HOST_V8_TEST_FAKE_V8);
	setenv("METACALL_RELINK_NODE", "host-v8", 1);
	setenv("METACALL_NODE_V8LESS_LIBRARY", "/nonexistent/libnode_v8less.so.108", 1);
	std::string error;
	ASSERT_FALSE(load_js(error));
	EXPECT_NE(error.find("/nonexistent/libnode_v8less.so.108"), std::string::npos) << error;
	EXPECT_NE(error.find("METACALL_NODE_V8LESS_LIBRARY"), std::string::npos) << error;
}

TEST_F(HostV8, ALibraryWithoutTheV8NoteIsRefused) {
	setenv("FAKE_V8_VERSION", v8less_version().c_str(), 1); // the right version
	load_host_v8(HOST_V8_TEST_FAKE_V8);
	setenv("METACALL_RELINK_NODE", "host-v8", 1);
	setenv("METACALL_NODE_V8LESS_LIBRARY", HOST_V8_TEST_FAKE_UNSTARTED, 1); // an ELF library, but no libnode
	std::string error;
	ASSERT_FALSE(load_js(error));
	EXPECT_NE(error.find("has no V8 note"), std::string::npos) << error;
}

// The right version, but not a real V8: the V8-less libnode's V8 imports cannot be bound, and
// dlopen says which one is missing. An error, not a crash.
TEST_F(HostV8, AV8ThatLacksWhatNodeImportsIsAnErrorNotACrash) {
	setenv("FAKE_V8_VERSION", v8less_version().c_str(), 1); // the right version
	load_host_v8(HOST_V8_TEST_FAKE_V8);
	setenv("METACALL_RELINK_NODE", "host-v8", 1);
	std::string error;
	ASSERT_FALSE(load_js(error));
	EXPECT_NE(error.find("undefined symbol"), std::string::npos) << error;
}

} // namespace
