// metacall_log sends the library's log lines to a FILE *, a file it opens, syslog or the host's own
// write function; metacall_log_null drops them. A refused destination keeps the previous one.
#include "../support/error_text.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using core_test::LastErrorContains;

namespace {

// An error line always passes the default threshold (warn).
void log_error_line(const char *text) {
	metacall_loader_log("error", "%s", text);
}

std::string read_stream(FILE *stream) {
	std::fflush(stream);
	std::rewind(stream);
	std::string text;
	char chunk[256];
	while (std::fgets(chunk, sizeof chunk, stream) != nullptr)
		text += chunk;
	return text;
}

std::string read_file(const std::string &path) {
	std::ifstream in(path);
	std::stringstream text;
	text << in.rdbuf();
	return text.str();
}

struct Collected {
	std::string text;
	int flushes = 0;
};

int collect_write(void *context, const char *data, const size_t size) {
	static_cast<Collected *>(context)->text.append(data, size);
	return 0;
}

int collect_flush(void *context) {
	++static_cast<Collected *>(context)->flushes;
	return 0;
}

class LogDestination : public ::testing::Test {
protected:
	void TearDown() override {
		metacall_log_null(); // no destination of a test outlives it
		metacall_error_clear();
	}
};

} // namespace

TEST_F(LogDestination, StdioStreamReceivesEachLineWithItsLevel) {
	FILE *stream = std::tmpfile();
	ASSERT_NE(stream, nullptr);
	metacall_log_stdio_type ctx{stream};
	ASSERT_EQ(metacall_log(METACALL_LOG_STDIO, &ctx), 0);
	log_error_line("first line");
	log_error_line("second line");
	metacall_log_null();
	EXPECT_EQ(read_stream(stream), "[metacall error] first line\n[metacall error] second line\n");
	std::fclose(stream);
}

TEST_F(LogDestination, LinesBelowTheThresholdAreNotWritten) {
	FILE *stream = std::tmpfile();
	ASSERT_NE(stream, nullptr);
	metacall_log_stdio_type ctx{stream};
	ASSERT_EQ(metacall_log(METACALL_LOG_STDIO, &ctx), 0);
	metacall_loader_log("debug", "%s", "not shown at the default level");
	log_error_line("shown");
	metacall_log_null();
	EXPECT_EQ(read_stream(stream), "[metacall error] shown\n");
	std::fclose(stream);
}

TEST_F(LogDestination, FileIsOpenedWithTheModeAndReceivesLines) {
	char path[] = "/tmp/metacall_log_test_XXXXXX";
	const int fd = mkstemp(path);
	ASSERT_GE(fd, 0);
	close(fd);
	metacall_log_file_type ctx{path, "w"};
	ASSERT_EQ(metacall_log(METACALL_LOG_FILE, &ctx), 0);
	log_error_line("to the file");
	metacall_log_null(); // closes it
	EXPECT_EQ(read_file(path), "[metacall error] to the file\n");
	std::remove(path);
}

TEST_F(LogDestination, FileThatCannotBeOpenedIsRefusedAndTheOldDestinationKept) {
	FILE *stream = std::tmpfile();
	ASSERT_NE(stream, nullptr);
	metacall_log_stdio_type stdio{stream};
	ASSERT_EQ(metacall_log(METACALL_LOG_STDIO, &stdio), 0);
	metacall_log_file_type file{"/nonexistent-folder/x.log", "w"};
	EXPECT_NE(metacall_log(METACALL_LOG_FILE, &file), 0);
	EXPECT_TRUE(LastErrorContains("/nonexistent-folder/x.log"));
	log_error_line("still here");
	metacall_log_null();
	EXPECT_EQ(read_stream(stream), "[metacall error] still here\n");
	std::fclose(stream);
}

TEST_F(LogDestination, CustomWriteAndFlushReceiveEachLine) {
	Collected collected;
	metacall_log_custom_type ctx{};
	ctx.context = &collected;
	ctx.stream_write = collect_write;
	ctx.stream_flush = collect_flush;
	ASSERT_EQ(metacall_log(METACALL_LOG_CUSTOM, &ctx), 0);
	log_error_line("one");
	log_error_line("two");
	metacall_log_null();
	EXPECT_EQ(collected.text, "[metacall error] one\n[metacall error] two\n");
	EXPECT_EQ(collected.flushes, 2);
}

TEST_F(LogDestination, NullDropsEveryLine) {
	Collected collected;
	metacall_log_custom_type ctx{};
	ctx.context = &collected;
	ctx.stream_write = collect_write;
	ASSERT_EQ(metacall_log(METACALL_LOG_CUSTOM, &ctx), 0);
	metacall_log_null();
	log_error_line("dropped");
	EXPECT_EQ(collected.text, "");
}

TEST_F(LogDestination, SyslogIsAccepted) {
	metacall_log_syslog_type ctx{"metacall-core-test"};
	EXPECT_EQ(metacall_log(METACALL_LOG_SYSLOG, &ctx), 0);
	log_error_line("to syslog"); // reaches syslog(3); nothing to read back here
}

TEST_F(LogDestination, UnsupportedAndIncompleteDestinationsAreRefused) {
	metacall_log_socket_type socket{"127.0.0.1", 9999};
	EXPECT_NE(metacall_log(METACALL_LOG_SOCKET, &socket), 0);
	EXPECT_TRUE(LastErrorContains("METACALL_LOG_SOCKET"));
	metacall_log_nginx_type nginx{};
	EXPECT_NE(metacall_log(METACALL_LOG_NGINX, &nginx), 0);
	EXPECT_TRUE(LastErrorContains("METACALL_LOG_NGINX"));
	EXPECT_NE(metacall_log(METACALL_LOG_STDIO, nullptr), 0);
	EXPECT_TRUE(LastErrorContains("NULL"));
	metacall_log_stdio_type no_stream{nullptr};
	EXPECT_NE(metacall_log(METACALL_LOG_STDIO, &no_stream), 0);
	metacall_log_custom_type no_write{};
	EXPECT_NE(metacall_log(METACALL_LOG_CUSTOM, &no_write), 0);
	EXPECT_TRUE(LastErrorContains("stream_write"));
	EXPECT_NE(metacall_log(static_cast<metacall_log_id>(42), &no_write), 0);
	EXPECT_TRUE(LastErrorContains("42"));
}
