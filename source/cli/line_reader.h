// Where the REPL's lines come from: a terminal, edited through libedit (its readline-compatible
// API: BSD-licensed, Debian's libedit-dev) with history and tab completion; or any other stdin,
// read line by line without editing, so sessions can be scripted.
#pragma once

#include "interrupts.h"

#include <functional>
#include <string>
#include <vector>

namespace metacall_cli {

// What tab completes at a place in the line: `before` is the line up to the word being
// completed. Words are the candidates (the reader keeps those starting with the word typed);
// `files` asks for file names instead.
struct completion {
	std::vector<std::string> words;
	char append = ' '; // typed after a unique match ('(' after a function name)
	bool files = false;
};
using completer = std::function<completion(const std::string &before)>;

class line_reader {
public:
	enum class status { line, interrupted, end };

	// `interactive`: stdin is a terminal. `history_file` (may be empty: none) is read now and
	// written by remember(). Only one interactive reader may exist (libedit's state is global).
	line_reader(bool interactive, interrupt_watch &watch, completer complete, std::string history_file);
	~line_reader();
	line_reader(const line_reader &) = delete;
	line_reader &operator=(const line_reader &) = delete;

	// The next line, without its newline: `line`; end of input (Ctrl-D): `end`; a Ctrl-C while
	// typing: `interrupted` (the typed text is dropped).
	status read(const std::string &prompt, std::string &line);

	// Adds `line` to the history (terminal sessions only).
	void remember(const std::string &line);

	bool interactive() const { return interactive_; }

private:
	bool read_plain(std::string &line);

	bool interactive_;
	std::string history_file_;
	std::string pending_; // read from stdin past the last line returned
	std::string last_remembered_;
};

} // namespace metacall_cli
