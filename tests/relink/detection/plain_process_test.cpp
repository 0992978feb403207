// A process with no language runtime: detection reports none, and the C API hands the report out
// under metacall_inspect's ownership rules, with or without metacall_initialize.
#include "detection_support.h"

#include <metacall/metacall.h>

#include <cstring>

using nlohmann::json;

TEST(PlainProcess, DetectsNoRuntime) {
	const auto found = metacall_relink::detect_runtimes();
	for (const auto &runtime : found)
		ADD_FAILURE() << metacall_relink::runtime_name(runtime.kind) << " reported in " << runtime.object;
	EXPECT_TRUE(found.empty());
}

TEST(PlainProcess, ReportNamesTheProcessAndNoRuntime) {
	size_t size = 0;
	char *text = metacall_relink_report(&size, nullptr);
	ASSERT_NE(text, nullptr);
	const json report = json::parse(text, nullptr, false);
	std::free(text);
	ASSERT_TRUE(report.is_object());
	EXPECT_EQ(relink_test::real_path(report.value("process", "")), relink_test::real_path("/proc/self/exe"));
	ASSERT_TRUE(report.contains("runtimes"));
	EXPECT_EQ(report["runtimes"], json::array()) << report.dump();
}

TEST(PlainProcess, ReportSizeIsTheLengthPlusOne) {
	size_t size = 0;
	char *text = metacall_relink_report(&size, nullptr);
	ASSERT_NE(text, nullptr);
	EXPECT_EQ(size, std::strlen(text) + 1);
	std::free(text);
}

namespace {
int allocations = 0;
void *counting_malloc(size_t size) {
	++allocations;
	return std::malloc(size);
}
} // namespace

TEST(PlainProcess, ReportComesFromTheGivenAllocator) {
	struct metacall_allocator_std_type std_ctx = {&counting_malloc, &std::realloc, &std::free};
	void *allocator = metacall_allocator_create(METACALL_ALLOCATOR_STD, &std_ctx);
	ASSERT_NE(allocator, nullptr);
	char *text = metacall_relink_report(nullptr, allocator);
	ASSERT_NE(text, nullptr);
	EXPECT_EQ(allocations, 1);
	EXPECT_EQ(text[0], '{');
	metacall_allocator_free(allocator, text);
	metacall_allocator_destroy(allocator);
}

TEST(PlainProcess, ReportNeedsNoInitialize) {
	ASSERT_EQ(metacall_initialize(), 0);
	metacall_destroy();
	char *text = metacall_relink_report(nullptr, nullptr); // after destroy, as before initialize
	ASSERT_NE(text, nullptr);
	std::free(text);
}
