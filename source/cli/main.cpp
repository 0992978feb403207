// metacall: run scripts of any loaded language, or load, inspect and call them from a REPL.
// A host of the public C API like any other (include/metacall/metacall.h).
#include "interrupts.h"
#include "line_reader.h"
#include "options.h"
#include "session.h"

#include <metacall/metacall.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace metacall_cli;

// ~/.metacall_history, or $METACALL_HISTORY (empty: no history file).
std::string history_file() {
	if (const char *path = std::getenv("METACALL_HISTORY"))
		return path;
	const char *home = std::getenv("HOME");
	return home != nullptr && *home != '\0' ? std::string(home) + "/.metacall_history" : std::string();
}

// Commands from the terminal or stdin until exit or end of input. Returns the exit status.
int repl(session &commands, interrupt_watch &watch) {
	const bool interactive = isatty(STDIN_FILENO) != 0;
	line_reader reader(
	    interactive, watch, [&commands](const std::string &before) { return commands.complete(before); },
	    interactive ? history_file() : std::string());
	if (interactive)
		std::printf("metacall %s: help lists the commands, Ctrl-D leaves\n", metacall_version_str());
	bool failed = false;
	std::string line;
	for (;;) {
		std::fflush(stdout);
		auto status = reader.read("metacall> ", line);
		if (status == line_reader::status::end)
			break;
		if (status == line_reader::status::interrupted)
			continue;
		reader.remember(line);
		failed |= !commands.run_line(line);
		std::fflush(stdout);
		if (commands.exit_requested())
			return commands.exit_status();
	}
	// A scripted session reports its failures; an interactive one showed them as they came.
	return failed && !interactive ? 1 : 0;
}

int run(const options &opts, interrupt_watch &watch, session &commands) {
	for (const script_file &script : opts.scripts) {
		if (!commands.run_script(script.tag, script.paths, opts.main_arguments))
			return 1;
		std::fflush(stdout);
	}
	for (const std::string &line : opts.commands) {
		if (!commands.run_line(line))
			return 1;
		std::fflush(stdout);
		if (commands.exit_requested())
			return commands.exit_status();
	}
	const bool reads_commands = opts.interactive || (opts.scripts.empty() && opts.commands.empty());
	return reads_commands ? repl(commands, watch) : 0;
}

} // namespace

int main(int argc, char **argv) {
	options opts;
	std::string error;
	if (!parse_options(argc, argv, opts, error)) {
		std::fprintf(stderr, "metacall: %s\n", error.c_str());
		return 2;
	}
	if (opts.help) {
		std::fputs(usage_text().c_str(), stdout);
		return 0;
	}
	if (opts.version) {
		std::printf("metacall %s (libmetacall %s)\n", METACALL_VERSION, metacall_version_str());
		return 0;
	}
	interrupt_watch watch; // before any thread: they all inherit SIGINT blocked
	if (metacall_initialize() != 0) {
		metacall_exception_type ex{};
		std::fprintf(stderr, "metacall: the runtime did not start: %s\n",
		             metacall_error_last(&ex) == 0 ? ex.message : "unknown error");
		return 1;
	}
	int status;
	{
		// The session outlives metacall_destroy: an abandoned await's callbacks may still run in it.
		session commands(watch);
		status = run(opts, watch, commands);
		std::fflush(stdout);
		metacall_destroy();
	}
	return status;
}
