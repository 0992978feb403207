// The REPL's commands and the script runner, on the public C API: loads into handles of their
// own (two scripts may both define `main`), calls by name across them, awaits futures.
#pragma once

#include "command.h"
#include "interrupts.h"
#include "line_reader.h"
#include "owned_value.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace metacall_cli {

class session {
public:
	// The runtime must be initialized; the session keeps what it loads until it is destroyed
	// (the handles themselves go with metacall_destroy, called after the session ends).
	explicit session(interrupt_watch &watch);
	~session();
	session(const session &) = delete;
	session &operator=(const session &) = delete;

	// Runs one REPL command, printing its result on stdout or a one-line error on stderr.
	// Returns false when it failed. `exit` sets exit_requested().
	bool run(const command &cmd);

	// Parses and runs `line`.
	bool run_line(const std::string &line);

	// Script mode: loads `paths` with `tag` as one handle and, when it defines `main`, calls it
	// (with `arguments` as one array of strings when main takes a parameter), printing its result
	// unless it is null. Failures print the error with its label, message and stack.
	bool run_script(const std::string &tag, const std::vector<std::string> &paths,
	                const std::vector<std::string> &arguments);

	// What tab completes after `before` (command names, function names, tags, handles, files).
	completion complete(const std::string &before) const;

	bool exit_requested() const { return exit_requested_; }
	int exit_status() const { return exit_status_; }

private:
	struct handle_entry {
		std::string tag;
		std::string name; // as the library names it (the first path given)
		void *handle;     // borrowed from the runtime, until metacall_clear
	};
	struct await_state;

	bool load(const std::string &tag, const std::vector<std::string> &paths, bool announce, void **handle);
	bool call(const command &cmd, bool await);
	bool inspect(const std::vector<std::string> &words);
	bool relink();
	bool clear(const std::vector<std::string> &words);
	void *find_function(const std::string &spec, std::string &error) const;
	const handle_entry *find_handle(const std::string &name, std::string &error) const;
	std::vector<std::string> function_names(void *handle) const;
	// Calls `func` and returns its result (new), or with `await` what the future it returns
	// resolves with; NULL with `error` set when nothing came back or the future was rejected.
	owned_value invoke(void *func, std::vector<owned_value> &arguments, bool await, std::string &error);
	owned_value wait_for(void *func, std::vector<void *> &arguments, std::string &error);
	// Waits for `future` (a future value, borrowed) to settle.
	owned_value wait_for(void *future, std::string &error);
	// The await both of these make: `start` registers the callbacks on `state` and returns the
	// future they settle (NULL: the call could not be made). Ctrl-C abandons the wait.
	owned_value settle(const std::function<void *(await_state &)> &start, std::string &error);

	interrupt_watch &watch_;
	std::vector<handle_entry> handles_;
	std::vector<std::shared_ptr<await_state>> awaits_; // kept until settled: their callbacks use them
	std::string working_directory_;
	bool exit_requested_ = false;
	int exit_status_ = 0;
};

// The loader tag for a file name from its extension ("py", "node", "c"), or "" when unknown.
std::string tag_for_path(const std::string &path);

} // namespace metacall_cli
