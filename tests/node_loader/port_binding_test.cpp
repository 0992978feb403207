// MetaCall's way into the node port from a script: process._linkedBinding('node_loader_port_module')
// in an environment the node loader started, with MetaCall's names for the port functions.
#include "node_test.h"

namespace {

using NodePortBinding = NodeLoaderTest;

// Python code loaded into the global scope from C (expecting success).
void load_python(const std::string &code) {
	ASSERT_EQ(metacall_load_from_memory("py", code.c_str(), code.size(), nullptr), 0) << last_error();
}

TEST_F(NodePortBinding, AScriptCallsAPythonFunctionThroughTheBinding) {
	load_python("def twice(x):\n    return x * 2\n");
	void *handle = load_memory("const port = process._linkedBinding('node_loader_port_module');\n"
	                           "module.exports = { through_port: (x) => port.metacall('twice', x) };\n");
	EXPECT_TRUE(is_long(call_in(handle, "through_port", {metacall_value_create_long(21)}).get(), 42));
}

TEST_F(NodePortBinding, AScriptLoadsPythonThroughTheBinding) {
	void *handle =
	    load_memory("const port = process._linkedBinding('node_loader_port_module');\n"
	                "port.metacall_load_from_memory('py', 'def add(a, b):\\n    return a + b\\n');\n"
	                "module.exports = { sum: (a, b) => port.metacall('add', a, b) };\n");
	EXPECT_TRUE(is_long(
	    call_in(handle, "sum", {metacall_value_create_long(2), metacall_value_create_long(3)}).get(), 5));
	EXPECT_TRUE(
	    is_long(call("add", {metacall_value_create_long(4), metacall_value_create_long(5)}).get(), 9));
}

TEST_F(NodePortBinding, MetaCallsNamesAreThePortsOwnFunctions) {
	void *handle = load_memory(
	    "const port = process._linkedBinding('node_loader_port_module');\n"
	    "const own = globalThis[Symbol.for('metacall.node_loader')];\n"
	    "module.exports = { same: () => port.metacall === own.metacall &&\n"
	    "  port.metacall_load_from_file === own.load_from_file && port.metacall_inspect === own.inspect &&\n"
	    "  port.metacall_execution_path === own.execution_path };\n");
	EXPECT_TRUE(is_bool(call_in(handle, "same").get(), true));
}

TEST_F(NodePortBinding, InspectThroughTheBindingListsThePythonFunction) {
	load_python("def listed():\n    return 1\n");
	void *handle =
	    load_memory("const { metacall_inspect } = process._linkedBinding('node_loader_port_module');\n"
	                "module.exports = { listed_in_inspect: () => metacall_inspect().includes('listed') };\n");
	EXPECT_TRUE(is_bool(call_in(handle, "listed_in_inspect").get(), true));
}

TEST_F(NodePortBinding, CallingAMissingFunctionThrowsNamingIt) {
	void *handle = load_memory("const port = process._linkedBinding('node_loader_port_module');\n"
	                           "module.exports = { missing: () => port.metacall('no_such_function') };\n");
	EXPECT_TRUE(is_error(call_in(handle, "missing").get(), "Error", "no_such_function"));
}

} // namespace
