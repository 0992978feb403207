// The relink report: what detection found, as JSON text for metacall_relink_report and
// metacall_inspect's "__relink__" key.
#pragma once

#include "detection.h"

#include <string>
#include <vector>

namespace metacall_relink {

// {"process": "<executable path>", "runtimes": [{"runtime": "node", "object": "/usr/bin/node",
// "main_program": true, "global": true, "version": "20.20.2", "version_source": "call", ...}]}.
// Per runtime: node adds "module_version" and "platform_initialized", v8 "thread_has_isolate",
// cpython "initialized" and "version_text". A value that is not known is left out (so is "version"
// when version_source is "none").
std::string report_json(const std::vector<DetectedRuntime> &runtimes);

// report_json(detect_runtimes()).
std::string report_json();

} // namespace metacall_relink
