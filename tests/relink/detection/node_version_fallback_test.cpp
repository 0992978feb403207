// A Node whose V8 version is outside the releases where napi_get_node_version accepts a scratch env:
// detection does not call it (the fake aborts if it does) and takes the major version from the
// soname, libnode.so.108 -> module version 108 -> Node 18.
#include "detection_support.h"

#include <dlfcn.h>

using metacall_relink::RuntimeKind;

TEST(NodeVersionFallback, ComesFromTheSonameWhenCallingIsUnsafe) {
	ASSERT_NE(dlopen(RELINK_FAKE_NODE_LIBRARY, RTLD_NOW | RTLD_LOCAL), nullptr) << dlerror();
	const auto found = metacall_relink::detect_runtimes();
	const auto *node = relink_test::find_runtime(found, RuntimeKind::node, RELINK_FAKE_NODE_LIBRARY);
	ASSERT_NE(node, nullptr);
	EXPECT_EQ(node->node_module_version, 108);
	EXPECT_EQ(node->version, "18");
	EXPECT_EQ(node->version_source, metacall_relink::VersionSource::soname);
	EXPECT_FALSE(node->platform_initialized.has_value()); // the fake has no per_process::v8_initialized
}

TEST(NodeVersionFallback, TheFakeV8IsReportedWithoutAnIsolateAnswer) {
	ASSERT_NE(dlopen(RELINK_FAKE_NODE_LIBRARY, RTLD_NOW | RTLD_LOCAL), nullptr) << dlerror();
	const auto found = metacall_relink::detect_runtimes();
	const auto *v8 = relink_test::find_runtime(found, RuntimeKind::v8, RELINK_FAKE_NODE_LIBRARY);
	ASSERT_NE(v8, nullptr);
	EXPECT_EQ(v8->version, "12.4.254.21-node.33");
	EXPECT_FALSE(v8->thread_has_isolate.has_value()); // no v8::Isolate::TryGetCurrent in it
}
