#include "interrupts.h"

#include "gil.h"

#include <metacall/metacall.h>
#include <metacall/metacall_loader.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace py_loader {
namespace {

PyObject *interrupted_class = nullptr; // metacall.CallInterrupted, kept for the process

struct Call {
	std::uint64_t id;
	unsigned long thread;
	const void *origin;
	bool asked = false;     // interrupt() chose it
	bool delivered = false; // its exception was raised in its thread
};

// The running calls, and the thread that raises the exceptions. Never destroyed: the thread may
// still wait at process exit.
class Registry {
public:
	static Registry &instance() {
		static Registry *const registry = new Registry;
		return *registry;
	}

	std::uint64_t add(unsigned long thread, const void *origin) {
		std::lock_guard lock(mutex_);
		calls_.push_back(Call{++last_id_, thread, origin});
		return last_id_;
	}

	// Whether the call was stopped (its exception raised). GIL held.
	bool remove(std::uint64_t id) {
		std::lock_guard lock(mutex_);
		auto found = std::find_if(calls_.begin(), calls_.end(), [id](const Call &c) { return c.id == id; });
		if (found == calls_.end())
			return false;
		const bool delivered = found->delivered;
		if (delivered) // not raised yet if the call ended first: withdrawn, it must not land later
			PyThreadState_SetAsyncExc(found->thread, nullptr);
		calls_.erase(found);
		return delivered;
	}

	bool delivered(std::uint64_t id) {
		std::lock_guard lock(mutex_);
		for (const Call &call : calls_)
			if (call.id == id)
				return call.delivered;
		return false;
	}

	int ask(const void *origin) {
		int asked = 0;
		{
			std::lock_guard lock(mutex_);
			for (Call &call : calls_)
				if ((origin == nullptr || call.origin == origin) && !call.asked) {
					call.asked = true;
					++asked;
				}
			if (asked == 0)
				return 0;
			pending_ = true;
			if (!started_) {
				try {
					std::thread([this] { deliver(); }).detach();
					started_ = true;
				} catch (const std::system_error &) {
					return 0;
				}
			}
		}
		wake_.notify_one();
		return asked;
	}

private:
	void deliver() {
		for (;;) {
			{
				std::unique_lock lock(mutex_);
				wake_.wait(lock, [this] { return pending_; });
				pending_ = false;
			}
			GilScope gil; // both sides change the calls under the GIL: a call is raised in or gone
			std::lock_guard lock(mutex_);
			for (Call &call : calls_)
				if (call.asked && !call.delivered) {
					PyThreadState_SetAsyncExc(call.thread, interrupted_class);
					call.delivered = true;
				}
		}
	}

	std::mutex mutex_;
	std::condition_variable wake_;
	std::vector<Call> calls_;
	std::uint64_t last_id_ = 0;
	bool pending_ = false;
	bool started_ = false;
};

} // namespace

bool ready_interrupts() {
	if (interrupted_class != nullptr)
		return true;
	interrupted_class = PyErr_NewExceptionWithDoc(
	    "metacall.CallInterrupted",
	    "Raised in a Python call that metacall_interrupt or a time limit stops. A BaseException, so "
	    "that `except Exception` does not swallow it.",
	    PyExc_BaseException, nullptr);
	return interrupted_class != nullptr;
}

int interrupt_calls(const void *origin) {
	return interrupted_class != nullptr ? Registry::instance().ask(origin) : 0;
}

RunningCall::RunningCall()
    : id_(Registry::instance().add(PyThread_get_thread_ident(), metacall_loader_call_origin())) {}

RunningCall::~RunningCall() {
	Registry::instance().remove(id_);
}

void *RunningCall::finish(void *result) {
	if (!Registry::instance().delivered(id_))
		return result;
	metacall_value_destroy(result);
	if (PyErr_Occurred() && PyErr_ExceptionMatches(interrupted_class))
		PyErr_Clear();
	return metacall_error_throw("InterruptedError", 0, nullptr, "the Python call was interrupted");
}

} // namespace py_loader
