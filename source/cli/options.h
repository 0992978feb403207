// The command line of `metacall`.
#pragma once

#include <string>
#include <vector>

namespace metacall_cli {

struct script_file {
	std::string tag;                // from --tag, or from the extension
	std::vector<std::string> paths; // a library and the headers after it form one c load
};

struct options {
	bool help = false;
	bool version = false;
	bool interactive = false;          // -i: the REPL after the files
	std::vector<std::string> commands; // -e, in order
	std::vector<script_file> scripts;
	std::vector<std::string> main_arguments; // after --
};

// Parses argv. On failure returns false with a one-line reason in `error` (an unknown option, a
// missing value, a file whose loader its extension does not name).
bool parse_options(int argc, char **argv, options &out, std::string &error);

std::string usage_text();

} // namespace metacall_cli
