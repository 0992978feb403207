// Helpers of the detection tests: finding one runtime in detect_runtimes()'s list or in a JSON
// report, comparing paths as files, and running a child process.
#pragma once

#include "detection.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace relink_test {

// The file a path names, after symbolic links; the path itself when it does not exist.
inline std::string real_path(const std::string &path) {
	std::unique_ptr<char, decltype(&std::free)> real(realpath(path.c_str(), nullptr), &std::free);
	return real ? std::string(real.get()) : path;
}

// The entry of `kind` whose object is the file `object`, or nullptr.
inline const metacall_relink::DetectedRuntime *
find_runtime(const std::vector<metacall_relink::DetectedRuntime> &found, metacall_relink::RuntimeKind kind,
             const std::string &object) {
	for (const auto &runtime : found)
		if (runtime.kind == kind && real_path(runtime.object) == real_path(object))
			return &runtime;
	return nullptr;
}

// The report's entries named `runtime` ("node", "v8", "cpython").
inline std::vector<nlohmann::json> report_entries(const nlohmann::json &report, const std::string &runtime) {
	std::vector<nlohmann::json> entries;
	for (const auto &entry : report.at("runtimes"))
		if (entry.at("runtime") == runtime)
			entries.push_back(entry);
	return entries;
}

struct ChildResult {
	int status = -1; // as from pclose
	std::string out; // its standard output
};

// Runs `command` through the shell, with its standard error passed through to the test's.
inline ChildResult run_child(const std::string &command) {
	ChildResult result;
	FILE *pipe = popen(command.c_str(), "r");
	if (pipe == nullptr)
		return result;
	char buffer[4096];
	for (size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
		result.out.append(buffer, read);
	result.status = pclose(pipe);
	return result;
}

// The last line a child printed, parsed; a discarded value when it is not JSON.
inline nlohmann::json last_json_line(const std::string &out) {
	std::string text = out;
	while (!text.empty() && text.back() == '\n')
		text.pop_back();
	return nlohmann::json::parse(text.substr(text.find_last_of('\n') + 1), nullptr, false);
}

} // namespace relink_test
