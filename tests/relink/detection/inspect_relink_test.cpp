// metacall_inspect carries the relink report under "__relink__", beside the tags.
#include "detection_support.h"

#include <metacall/metacall.h>

using nlohmann::json;

namespace {

json parse_and_free(char *text) {
	if (text == nullptr)
		return json();
	json document = json::parse(text, nullptr, false);
	std::free(text);
	return document;
}

} // namespace

TEST(InspectRelink, HoldsTheRelinkReport) {
	ASSERT_EQ(metacall_initialize(), 0);
	const json inspect = parse_and_free(metacall_inspect(nullptr, nullptr));
	const json report = parse_and_free(metacall_relink_report(nullptr, nullptr));
	metacall_destroy();
	ASSERT_TRUE(inspect.is_object());
	ASSERT_TRUE(inspect.contains("__relink__")) << inspect.dump(2);
	EXPECT_EQ(inspect["__relink__"], report);
}
