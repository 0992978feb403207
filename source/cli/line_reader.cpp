#include "line_reader.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <editline/readline.h>

namespace metacall_cli {
namespace {

// libedit's readline API is one global state, and its callbacks are plain C functions: they
// reach the reader through these.
interrupt_watch *active_watch = nullptr;
completer active_completer;
bool interrupted_while_typing = false;
constexpr int end_of_text = 0x03; // Ctrl-C, when the terminal hands it over as a character

int read_byte(int fd) {
	unsigned char byte = 0;
	for (;;) {
		ssize_t got = read(fd, &byte, 1);
		if (got == 1)
			return byte;
		if (got < 0 && errno == EINTR)
			continue;
		return -1;
	}
}

// libedit's getc hook: one character (a Unicode code point: the hook's result is stored as a
// wchar_t, so UTF-8 is decoded here), or '\n' ending the line when Ctrl-C was pressed.
int read_character(FILE *) {
	int fd = fileno(rl_instream != nullptr ? rl_instream : stdin);
	pollfd fds[2] = {{fd, POLLIN, 0}, {active_watch->prompt_fd(), POLLIN, 0}};
	for (;;) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (fds[1].revents & POLLIN && active_watch->take_prompt_interrupt())
			break;
		if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			int first = read_byte(fd);
			if (first == end_of_text)
				break;
			if (first < 0x80)
				return first; // ASCII, or -1: end of input
			int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0;
			int code = first & (0x3F >> extra);
			for (int i = 0; i < extra; ++i) {
				int next = read_byte(fd);
				if (next < 0 || (next & 0xC0) != 0x80)
					return 0xFFFD;
				code = (code << 6) | (next & 0x3F);
			}
			return extra == 0 ? 0xFFFD : code;
		}
	}
	interrupted_while_typing = true;
	std::fputs("^C", stdout);
	std::fflush(stdout);
	return '\n';
}

std::vector<std::string> current_matches;

char *next_match(const char *, int state) {
	static size_t index;
	if (state == 0)
		index = 0;
	if (index >= current_matches.size())
		return nullptr;
	return strdup(current_matches[index++].c_str()); // libedit frees it
}

char **complete(const char *text, int start, int) {
	completion found = active_completer ? active_completer(std::string(rl_line_buffer, start)) : completion{};
	if (found.files) {
		rl_completion_append_character = ' ';
		rl_attempted_completion_over = 0; // libedit's own file name completion
		return nullptr;
	}
	rl_attempted_completion_over = 1;
	current_matches.clear();
	std::string prefix(text);
	for (const std::string &word : found.words) {
		if (word.compare(0, prefix.size(), prefix) == 0)
			current_matches.push_back(word);
	}
	rl_completion_append_character = found.append;
	return current_matches.empty() ? nullptr : rl_completion_matches(text, next_match);
}

} // namespace

// Straight from file descriptor 0, not through stdio's stdin: an embedded CPython resets stdin's
// buffering as it starts, which drops what stdio had read ahead.
bool line_reader::read_plain(std::string &line) {
	for (;;) {
		size_t newline = pending_.find('\n');
		if (newline != std::string::npos) {
			line = pending_.substr(0, newline);
			pending_.erase(0, newline + 1);
			return true;
		}
		char buffer[4096];
		ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (pending_.empty())
				return false;
			line = std::move(pending_); // a last line without its newline
			pending_.clear();
			return true;
		}
		pending_.append(buffer, static_cast<size_t>(got));
	}
}

line_reader::line_reader(bool interactive, interrupt_watch &watch, completer complete_at,
                         std::string history_file)
    : interactive_(interactive), history_file_(std::move(history_file)) {
	if (!interactive_)
		return;
	active_watch = &watch;
	active_completer = std::move(complete_at);
	// libedit decodes and shows what is typed through the C library's locale: a "C" locale would
	// drop every character beyond ASCII.
	const char *locale = setlocale(LC_CTYPE, "");
	if (locale == nullptr || std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	rl_readline_name = "metacall";
	rl_getc_function = read_character; // read before the first readline() initializes libedit
	rl_attempted_completion_function = complete;
	rl_completer_word_break_characters = const_cast<char *>(" \t\n\"'(,");
	using_history();
	stifle_history(1000);
	if (!history_file_.empty())
		read_history(history_file_.c_str()); // a missing file is a first session, not an error
}

line_reader::~line_reader() {
	if (!interactive_)
		return;
	active_completer = nullptr;
	active_watch = nullptr;
}

line_reader::status line_reader::read(const std::string &prompt, std::string &line) {
	if (!interactive_)
		return read_plain(line) ? status::line : status::end;
	interrupted_while_typing = false;
	auto scope = active_watch->prompt();
	char *typed = readline(prompt.c_str());
	if (typed == nullptr) {
		std::fputs("\n", stdout);
		return status::end;
	}
	line.assign(typed);
	std::free(typed);
	if (interrupted_while_typing) {
		line.clear();
		return status::interrupted;
	}
	return status::line;
}

void line_reader::remember(const std::string &line) {
	if (!interactive_ || line.empty() || line == last_remembered_)
		return; // a line run again from the history is kept once
	last_remembered_ = line;
	add_history(line.c_str());
	if (!history_file_.empty() && write_history(history_file_.c_str()) != 0)
		history_file_.clear(); // unwritable (a read-only home): keep the history for this session only
}

} // namespace metacall_cli
