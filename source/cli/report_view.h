// The readable forms of the library's JSON reports: metacall_inspect as a table of handles and
// functions, metacall_relink_report as a table of runtimes.
#pragma once

#include <string>

namespace metacall_cli {

// A table of what `inspect_json` (metacall_inspect's document) describes: one row per function,
// class, method and object, with its loader, its handle and its signature. Handle names under
// `working_directory` are shown relative to it. On malformed JSON returns false with `error` set.
bool inspect_table(const std::string &inspect_json, const std::string &working_directory, std::string &out,
                   std::string &error);

// The runtimes of `relink_json` (metacall_relink_report's document), one row each: version,
// whether its symbols are global, its state, and the object that defines it.
bool relink_table(const std::string &relink_json, std::string &out, std::string &error);

} // namespace metacall_cli
