// Node on a real host V8 (host-v8 mode), in C hosts that start V8 themselves with V8's default
// platform, as a game server does (Debian's libnode.so.108 linked as the V8 library, never started
// as Node). One process per test: V8 starts once per process. The game server example covers the
// rest end to end (tests/game_server).
#include <metacall/metacall.h>

#include <libplatform/libplatform.h>
#include <v8.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

namespace {

using namespace std::chrono_literals;

// The host: V8 and its platform, started before anything of libmetacall, kept for the process.
class HostV8Environment : public ::testing::Environment {
public:
	void SetUp() override {
		platform_ = v8::platform::NewDefaultPlatform();
		v8::V8::InitializePlatform(platform_.get());
		v8::V8::Initialize();
	}

private:
	std::unique_ptr<v8::Platform> platform_;
};

const auto *environment = ::testing::AddGlobalTestEnvironment(new HostV8Environment);

std::string last_error() {
	metacall_exception_type error{};
	return metacall_error_last(&error) == 0 ? error.message : "(no error)";
}

class RealHostV8 : public ::testing::Test {
protected:
	void SetUp() override {
		unsetenv("METACALL_RELINK_NODE");
		ASSERT_EQ(metacall_initialize(), 0);
	}
	void TearDown() override { metacall_destroy(); }
	int load(const char *source) {
		return metacall_load_from_memory("node", source, std::char_traits<char>::length(source), nullptr);
	}
};

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
constexpr const char *kWasmScript = R"(
const ADD = Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0,
  7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11]);
async function wasmAdd(a, b) {
  const module = await WebAssembly.compile(ADD);
  return (await WebAssembly.instantiate(module)).exports.add(a, b);
}
function v8() { return process.versions.v8; }
module.exports = { wasmAdd, v8 };
)";

TEST_F(RealHostV8, NodeReportsTheHostsV8) {
	ASSERT_EQ(load(kWasmScript), 0) << last_error();
	void *version = metacallv_s("v8", nullptr, 0);
	ASSERT_NE(version, nullptr) << last_error();
	EXPECT_STREQ(metacall_value_to_string(version), v8::V8::GetVersion());
	metacall_value_destroy(version);
}

// A host that drives Node from its own thread (metacall_pump): WebAssembly.compile's tasks, which
// V8 posts to the host's platform for Node's isolate, run when the host pumps.
TEST_F(RealHostV8, APumpingHostSettlesWebAssemblyCompile) {
	ASSERT_EQ(metacall_pump("node"), 0) << last_error();
	ASSERT_EQ(load(kWasmScript), 0) << last_error();
	struct Outcome {
		bool settled = false;
		double value = 0;
	} outcome;
	auto settled = [](void *result, void *data) -> void * {
		auto *out = static_cast<Outcome *>(data);
		out->value = metacall_value_to_double(result);
		out->settled = true;
		return nullptr;
	};
	void *args[] = {metacall_value_create_long(20), metacall_value_create_long(22)};
	void *future = metacall_await("wasmAdd", args, settled, settled, &outcome);
	ASSERT_NE(future, nullptr) << last_error();
	const auto deadline = std::chrono::steady_clock::now() + 10s;
	while (!outcome.settled && std::chrono::steady_clock::now() < deadline) {
		ASSERT_EQ(metacall_pump("node"), 0) << last_error();
		std::this_thread::sleep_for(1ms);
	}
	EXPECT_TRUE(outcome.settled) << "WebAssembly.compile did not settle while the host pumped";
	EXPECT_EQ(outcome.value, 42);
	metacall_value_destroy(future);
	metacall_value_destroy(args[0]);
	metacall_value_destroy(args[1]);
}

// The host took its V8 from a full libnode: an addon that a script loads must still get the
// Node that runs it, the V8-less one, for its Node-API calls.
TEST_F(RealHostV8, AnAddonAScriptLoadsIsBoundToTheNodeThatRunsIt) {
	const std::string script = std::string("const addon = require('") + HOST_V8_TEST_WHICH_NODE_ADDON +
	                           "');\nmodule.exports = { nodeObject: () => addon.nodeObject() };";
	ASSERT_EQ(metacall_load_from_memory("node", script.c_str(), script.size(), nullptr), 0) << last_error();
	void *object = metacallv_s("nodeObject", nullptr, 0);
	ASSERT_NE(object, nullptr) << last_error();
	ASSERT_EQ(metacall_value_id(object), METACALL_STRING);
	const std::string path = metacall_value_to_string(object);
	metacall_value_destroy(object);
	EXPECT_NE(path.find("libnode_v8less.so.108"), std::string::npos) << path;
}

TEST_F(RealHostV8, AScriptThatThrowsAtLoadIsAnErrorNotACrash) {
	EXPECT_NE(load("throw new TypeError('broken plugin');"), 0);
	EXPECT_NE(last_error().find("broken plugin"), std::string::npos) << last_error();
	// Node goes on.
	ASSERT_EQ(load(kWasmScript), 0) << last_error();
}

TEST_F(RealHostV8, ProcessExitInAScriptStopsNodeNotTheHost) {
	ASSERT_EQ(load("module.exports = { quit: (code) => process.exit(code) };"), 0) << last_error();
	void *code = metacall_value_create_long(3);
	metacall_value_destroy(metacallv_s("quit", &code, 1));
	metacall_value_destroy(code);
	// The host's V8 still works: a context of its own runs JavaScript.
	v8::Isolate::CreateParams params;
	std::unique_ptr<v8::ArrayBuffer::Allocator> allocator(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
	params.array_buffer_allocator = allocator.get();
	v8::Isolate *isolate = v8::Isolate::New(params);
	{
		v8::Isolate::Scope scope(isolate);
		v8::HandleScope handles(isolate);
		v8::Local<v8::Context> context = v8::Context::New(isolate);
		v8::Context::Scope context_scope(context);
		v8::Local<v8::Value> result =
		    v8::Script::Compile(context, v8::String::NewFromUtf8Literal(isolate, "6 * 7"))
		        .ToLocalChecked()
		        ->Run(context)
		        .ToLocalChecked();
		EXPECT_EQ(result->Int32Value(context).FromJust(), 42);
	}
	isolate->Dispose();
}

} // namespace
