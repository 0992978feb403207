// The end of every call into JS is the end of a Node callback (environment.h, EnvScope): the
// promise jobs and process.nextTick callbacks it queued have run when the call returns, in Node's
// order, an unhandled rejection is reported, and a tick that throws is an uncaught exception
// (reported, not the end of the host).
#include "node_test.h"

namespace {

class NodeCallEnd : public NodeLoaderTest {
protected:
	void SetUp() override {
		NodeLoaderTest::SetUp();
		handle_ = load_memory(
		    "const log = [];\n"
		    "module.exports = {\n"
		    "  schedule() {\n"
		    "    process.nextTick(() => log.push('tick'));\n"
		    "    Promise.resolve().then(() => { log.push('job'); process.nextTick(() => log.push('tick2')); "
		    "});\n"
		    "    queueMicrotask(() => log.push('microtask'));\n"
		    "    return 1;\n"
		    "  },\n"
		    "  jobs_only() { Promise.resolve().then(() => log.push('job')); return 2; },\n"
		    "  reject() { Promise.reject(new Error('nobody catches this')); return 3; },\n"
		    "  throw_in_tick() { process.nextTick(() => { throw new Error('a tick threw'); }); return 4; },\n"
		    "  log() { const text = log.join(','); log.length = 0; return text; },\n"
		    "};\n");
		ASSERT_NE(handle_, nullptr) << last_error();
	}

	ValuePtr call(const char *name) const { return call_in(handle_, name); }

	void *handle_ = nullptr;
};

TEST_F(NodeCallEnd, TicksAndPromiseJobsRunBeforeTheCallReturnsInNodesOrder) {
	EXPECT_TRUE(is_long(call("schedule").get(), 1));
	EXPECT_TRUE(is_string(call("log").get(), "tick,job,microtask,tick2"));
	EXPECT_TRUE(is_long(call("jobs_only").get(), 2));
	EXPECT_TRUE(is_string(call("log").get(), "job"));
}

TEST_F(NodeCallEnd, AnUnhandledRejectionIsReportedAtTheEndOfTheCall) {
	testing::internal::CaptureStderr();
	EXPECT_TRUE(is_long(call("reject").get(), 3));
	const std::string reported = testing::internal::GetCapturedStderr();
	EXPECT_NE(reported.find("unhandled promise rejection"), std::string::npos) << reported;
	EXPECT_NE(reported.find("nobody catches this"), std::string::npos) << reported;
}

TEST_F(NodeCallEnd, ATickThatThrowsIsAnUncaughtExceptionAndTheLoaderGoesOn) {
	testing::internal::CaptureStderr();
	EXPECT_TRUE(is_long(call("throw_in_tick").get(), 4));
	const std::string reported = testing::internal::GetCapturedStderr();
	EXPECT_NE(reported.find("uncaught exception"), std::string::npos) << reported;
	EXPECT_NE(reported.find("a tick threw"), std::string::npos) << reported;
	EXPECT_TRUE(is_long(call("schedule").get(), 1));
	EXPECT_TRUE(is_string(call("log").get(), "tick,job,microtask,tick2"));
}

} // namespace
