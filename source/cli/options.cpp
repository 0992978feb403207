#include "options.h"

#include "session.h"

namespace metacall_cli {

bool parse_options(int argc, char **argv, options &out, std::string &error) {
	std::string tag; // --tag: applies to the files after it
	for (int i = 1; i < argc; ++i) {
		std::string arg = argv[i];
		auto value = [&](std::string &into) {
			if (i + 1 >= argc) {
				error = "option " + arg + " needs a value";
				return false;
			}
			into = argv[++i];
			return true;
		};
		if (arg == "-h" || arg == "--help") {
			out.help = true;
		} else if (arg == "-v" || arg == "--version") {
			out.version = true;
		} else if (arg == "-i" || arg == "--interactive") {
			out.interactive = true;
		} else if (arg == "-e" || arg == "--eval") {
			std::string command;
			if (!value(command))
				return false;
			out.commands.push_back(command);
		} else if (arg == "-t" || arg == "--tag") {
			if (!value(tag))
				return false;
		} else if (arg == "--") {
			out.main_arguments.assign(argv + i + 1, argv + argc);
			break;
		} else if (arg.size() > 1 && arg[0] == '-') {
			error = "unknown option " + arg + " (metacall --help lists them)";
			return false;
		} else {
			std::string file_tag = tag.empty() ? tag_for_path(arg) : tag;
			if (file_tag.empty()) {
				error = "cannot tell which loader reads '" + arg +
				        "' from its extension; name it: --tag <tag> " + arg;
				return false;
			}
			const bool header = arg.size() > 2 && arg.compare(arg.size() - 2, 2, ".h") == 0;
			if (header && file_tag == "c" && !out.scripts.empty() && out.scripts.back().tag == "c")
				out.scripts.back().paths.push_back(arg); // the declarations of the library before it
			else
				out.scripts.push_back({file_tag, {arg}});
		}
	}
	return true;
}

std::string usage_text() {
	return "usage: metacall [options] [file...] [-- arguments of main]\n"
	       "\n"
	       "Loads each file with the loader its extension names (.py: py; .js, .mjs, .cjs, .ts: node;\n"
	       ".so and the .h files after it: c) and, when it defines main, calls main and prints its result.\n"
	       "Without a file (or with -i) it reads commands: a REPL on a terminal, one command a line\n"
	       "otherwise (help lists them).\n"
	       "\n"
	       "options:\n"
	       "  -i, --interactive     read commands after running the files\n"
	       "  -e, --eval <command>  run one command after the files (may be repeated), then exit\n"
	       "  -t, --tag <tag>       load the files after it with loader <tag>\n"
	       "  -v, --version         print the versions of the command and of the library\n"
	       "  -h, --help            print this text\n"
	       "\n"
	       "exit status: 0; 1 when a load, a call or a command failed; 2 for a bad command line;\n"
	       "130 when Ctrl-C ended the program.\n";
}

} // namespace metacall_cli
