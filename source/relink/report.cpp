#include "report.h"

#include "loaded_objects.h"

// The core's JSON writer (header only): one implementation of JSON escaping for the library.
#include "../core/json_writer.h"

namespace metacall_relink {
namespace {

using metacall_core::JsonWriter;

const char *source_name(VersionSource source) {
	switch (source) {
	case VersionSource::call:
		return "call";
	case VersionSource::soname:
		return "soname";
	case VersionSource::none:
		break;
	}
	return "none";
}

void write_known(JsonWriter &json, const char *key, const std::optional<bool> &value) {
	if (value)
		json.key(key).truth(*value);
}

void write_runtime(JsonWriter &json, const DetectedRuntime &runtime) {
	json.begin_object();
	json.key("runtime").string(runtime_name(runtime.kind));
	json.key("object").string(runtime.object);
	json.key("main_program").truth(runtime.main_program);
	json.key("global").truth(runtime.global);
	if (runtime.version_source != VersionSource::none)
		json.key("version").string(runtime.version);
	json.key("version_source").string(source_name(runtime.version_source));
	switch (runtime.kind) {
	case RuntimeKind::node:
		if (runtime.node_module_version != 0)
			json.key("module_version").number(runtime.node_module_version);
		write_known(json, "platform_initialized", runtime.platform_initialized);
		break;
	case RuntimeKind::v8:
		write_known(json, "platform_initialized", runtime.platform_initialized);
		write_known(json, "thread_has_isolate", runtime.thread_has_isolate);
		break;
	case RuntimeKind::cpython:
		write_known(json, "initialized", runtime.initialized);
		if (!runtime.version_text.empty())
			json.key("version_text").string(runtime.version_text);
		break;
	}
	json.end_object();
}

} // namespace

std::string report_json(const std::vector<DetectedRuntime> &runtimes) {
	JsonWriter json;
	json.begin_object();
	json.key("process").string(executable_path());
	json.key("runtimes").begin_array();
	for (const DetectedRuntime &runtime : runtimes)
		write_runtime(json, runtime);
	json.end_array();
	json.end_object();
	return json.text();
}

std::string report_json() {
	return report_json(detect_runtimes());
}

} // namespace metacall_relink
