// Ctrl-C. SIGINT is blocked in every thread (the loaders' threads inherit the mask from main) and
// taken by one watcher thread with sigwait, which acts on what the command is doing:
//  - at the prompt: the line being typed is dropped (the line reader polls prompt_fd());
//  - during a call or a load: the first Ctrl-C asks the runtimes to stop it
//    (metacall_interrupt: the call returns an "InterruptedError"); a second one during the same
//    call ends the program with status 130, for calls that nothing can stop (C code, a blocking
//    system call);
//  - during `await`: the wait is abandoned (the future settles later, unseen);
//  - otherwise (commands read from a pipe, between commands): the program ends with status 130.
// The runtimes are never called from a signal handler: there is none.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace metacall_cli {

class interrupt_watch {
public:
	// Blocks SIGINT in the calling thread and starts the watcher. Construct it first in main,
	// before metacall_initialize starts any thread.
	interrupt_watch();
	~interrupt_watch();
	interrupt_watch(const interrupt_watch &) = delete;
	interrupt_watch &operator=(const interrupt_watch &) = delete;

	// Readable after a Ctrl-C at the prompt; the reader drains it with take_prompt_interrupt().
	int prompt_fd() const { return pipe_[0]; }
	bool take_prompt_interrupt();

	// While one of these lives, Ctrl-C applies to what it names.
	class scope {
	public:
		scope(const scope &) = delete;
		scope &operator=(const scope &) = delete;
		~scope();

	private:
		friend class interrupt_watch;
		scope(interrupt_watch &watch, int state, std::function<void()> abandon);
		interrupt_watch &watch_;
		int previous_;
	};
	scope prompt();                               // reading a line from the terminal
	scope running();                              // a call or a load
	scope waiting(std::function<void()> abandon); // an await; `abandon` ends the wait

private:
	void watch();
	void on_interrupt();

	int pipe_[2] = {-1, -1};
	bool terminal_ = false; // stdin is a terminal, which echoes ^C without a newline
	std::mutex mutex_;
	int state_ = 0;        // what Ctrl-C applies to (see the .cpp)
	unsigned presses_ = 0; // Ctrl-C presses during the current call
	std::function<void()> abandon_;
	std::atomic<bool> stopping_{false};
	std::thread thread_;
};

} // namespace metacall_cli
