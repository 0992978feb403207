// Inside the machine's node: an addon calls metacall_relink_report. Node is found in the
// executable itself, global, with the version the process reports; no libnode is mapped.
#include "detection_support.h"

using nlohmann::json;

namespace {

json node_host() {
	const auto child = relink_test::run_child(std::string(RELINK_NODE_EXECUTABLE) +
	                                          " " RELINK_HOSTS_DIR "/node_host.js " RELINK_REPORT_ADDON);
	EXPECT_EQ(child.status, 0) << child.out;
	json result = relink_test::last_json_line(child.out);
	EXPECT_TRUE(result.is_object()) << child.out;
	return result.is_object() ? result : json::object({{"report", {{"runtimes", json::array()}}}});
}

} // namespace

TEST(NodeHost, FindsNodeInTheExecutableWithTheProcessVersion) {
	const json host = node_host();
	const auto nodes = relink_test::report_entries(host["report"], "node");
	ASSERT_EQ(nodes.size(), 1u) << host.dump(2);
	const json &node = nodes[0];
	EXPECT_EQ(relink_test::real_path(node.value("object", "")), host["executable"]) << node.dump();
	EXPECT_EQ(node["main_program"], true);
	EXPECT_EQ(node["global"], true);
	EXPECT_EQ(node["version"], host["node"]);
	EXPECT_EQ(node["version_source"], "call");
	EXPECT_EQ(node["platform_initialized"], true);
}

TEST(NodeHost, FindsItsV8OnAThreadWithAnIsolate) {
	const json host = node_host();
	const auto v8s = relink_test::report_entries(host["report"], "v8");
	ASSERT_EQ(v8s.size(), 1u) << host.dump(2);
	EXPECT_EQ(relink_test::real_path(v8s[0].value("object", "")), host["executable"]);
	EXPECT_EQ(v8s[0]["global"], true);
	EXPECT_EQ(v8s[0]["version"], host["v8"]);
	EXPECT_EQ(v8s[0]["thread_has_isolate"], true); // the addon runs on node's main thread
}

TEST(NodeHost, MapsNoLibnode) {
	const json host = node_host();
	EXPECT_EQ(host["libnode_mapped"], false);
	EXPECT_EQ(host["report"]["process"], host["executable"]);
}
