#include "interrupts.h"

#include <metacall/metacall.h>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace metacall_cli {
namespace {

enum state { idle, prompt_state, running_state, waiting_state };

sigset_t interrupt_set() {
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	return set;
}

void say(const char *text) {
	// The watcher's own messages go straight to the terminal, past stdio's buffers.
	ssize_t ignored = write(STDERR_FILENO, text, std::strlen(text));
	(void)ignored;
}

} // namespace

interrupt_watch::interrupt_watch() {
	sigset_t set = interrupt_set();
	pthread_sigmask(SIG_BLOCK, &set, nullptr);
	terminal_ = isatty(STDIN_FILENO) != 0;
	if (pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0)
		pipe_[0] = pipe_[1] = -1;
	thread_ = std::thread([this] { watch(); });
}

interrupt_watch::~interrupt_watch() {
	stopping_ = true;
	pthread_kill(thread_.native_handle(), SIGINT); // wakes its sigwait
	thread_.join();
	for (int fd : pipe_) {
		if (fd >= 0)
			close(fd);
	}
}

void interrupt_watch::watch() {
	sigset_t set = interrupt_set();
	for (;;) {
		int signal = 0;
		if (sigwait(&set, &signal) != 0)
			continue;
		if (stopping_)
			return;
		on_interrupt();
	}
}

void interrupt_watch::on_interrupt() {
	std::lock_guard<std::mutex> lock(mutex_);
	switch (state_) {
	case prompt_state: {
		char byte = 'i';
		ssize_t ignored = write(pipe_[1], &byte, 1);
		(void)ignored;
		return;
	}
	case running_state: {
		if (terminal_)
			say("\n"); // past the "^C" the terminal echoed
		if (++presses_ > 1) {
			say("interrupted again: quitting (the running call could not be stopped)\n");
			_exit(130);
		}
		int asked = metacall_interrupt();
		if (asked <= 0)
			say("this call cannot be interrupted; press Ctrl-C again to quit\n");
		return;
	}
	case waiting_state:
		if (terminal_)
			say("\n");
		if (abandon_)
			abandon_();
		metacall_interrupt(); // script code the future waits on, if any is running now
		return;
	default:
		say("\ninterrupted\n");
		_exit(130);
	}
}

bool interrupt_watch::take_prompt_interrupt() {
	char bytes[16];
	bool any = false;
	while (read(pipe_[0], bytes, sizeof bytes) > 0)
		any = true;
	return any;
}

interrupt_watch::scope::scope(interrupt_watch &watch, int state, std::function<void()> abandon)
    : watch_(watch) {
	std::lock_guard<std::mutex> lock(watch_.mutex_);
	previous_ = watch_.state_;
	watch_.state_ = state;
	watch_.presses_ = 0;
	watch_.abandon_ = std::move(abandon);
}

interrupt_watch::scope::~scope() {
	std::lock_guard<std::mutex> lock(watch_.mutex_);
	watch_.state_ = previous_;
	watch_.presses_ = 0;
	watch_.abandon_ = nullptr;
}

interrupt_watch::scope interrupt_watch::prompt() {
	return scope(*this, prompt_state, nullptr);
}
interrupt_watch::scope interrupt_watch::running() {
	return scope(*this, running_state, nullptr);
}
interrupt_watch::scope interrupt_watch::waiting(std::function<void()> abandon) {
	return scope(*this, waiting_state, std::move(abandon));
}

} // namespace metacall_cli
