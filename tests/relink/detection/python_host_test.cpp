// Inside Debian's python3, libmetacall loaded by ctypes: CPython is found (in the executable or its
// libpython), global, initialised, with exactly sys.version.
#include "detection_support.h"

using nlohmann::json;

namespace {

json python_host() {
	const auto child =
	    relink_test::run_child(std::string(RELINK_PYTHON_EXECUTABLE) +
	                           " " RELINK_HOSTS_DIR "/python_host.py " RELINK_METACALL_LIBRARY);
	EXPECT_EQ(child.status, 0) << child.out;
	json result = relink_test::last_json_line(child.out);
	EXPECT_TRUE(result.is_object()) << child.out;
	return result.is_object() ? result : json::object({{"report", {{"runtimes", json::array()}}}});
}

} // namespace

TEST(PythonHost, FindsTheRunningCPython) {
	const json host = python_host();
	const auto pythons = relink_test::report_entries(host["report"], "cpython");
	ASSERT_EQ(pythons.size(), 1u) << host.dump(2);
	const json &python = pythons[0];
	const std::string object = relink_test::real_path(python.value("object", ""));
	EXPECT_TRUE(object == host["executable"] || object.find("libpython3") != std::string::npos) << object;
	EXPECT_EQ(python["main_program"], object == host["executable"]);
	EXPECT_EQ(python["global"], true);
	EXPECT_EQ(python["initialized"], true);
	EXPECT_EQ(python["version_text"], host["version"]);
	EXPECT_EQ(python["version"],
	          host["version"].get<std::string>().substr(0, host["version"].get<std::string>().find(' ')));
}

TEST(PythonHost, FindsNoOtherRuntime) {
	const json host = python_host();
	EXPECT_EQ(host["report"]["runtimes"].size(), 1u) << host.dump(2);
}
