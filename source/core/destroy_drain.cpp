#include "destroy_drain.h"

#include "async_host.h"
#include "future.h"
#include "log.h"
#include "runtime.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace metacall_core {
namespace {

using Clock = std::chrono::steady_clock;

// How often the loaders are asked. Each question to a runtime on its own thread is one handoff
// (tens of microseconds); the answer comes at most this late after the work is done.
constexpr auto kPollInterval = std::chrono::milliseconds(2);

// How much work is in progress now: per loader into `detail` ("node 2, py 1"), in total returned.
// A pumped runtime whose pumping thread is this one also runs what it has ready.
std::size_t in_progress(Runtime &runtime, std::string &detail) {
	detail.clear();
	std::size_t total = 0;
	for (const auto &loader : runtime.started_loaders()) {
		const metacall_loader_interface &table = loader->interface();
		if (table.drain == nullptr || !loader->active())
			continue;
		const int count = table.drain(loader->state(), nullptr);
		if (count <= 0)
			continue;
		total += static_cast<std::size_t>(count);
		detail += (detail.empty() ? "" : ", ") + loader->tag() + " " + std::to_string(count);
	}
	if (std::size_t running = Future::settling(); running != 0) {
		total += running;
		detail += (detail.empty() ? "" : ", ") + std::string("callbacks running ") + std::to_string(running);
	}
	if (std::size_t calls = AsyncCalls::instance().pending_count(); calls != 0) {
		total += calls;
		detail += (detail.empty() ? "" : ", ") + std::string("async host calls ") + std::to_string(calls);
	}
	return total;
}

std::string seconds_text(std::chrono::milliseconds bound) {
	char text[32];
	std::snprintf(text, sizeof text, "%g", static_cast<double>(bound.count()) / 1000.0);
	return text;
}

} // namespace

std::chrono::milliseconds destroy_timeout() {
	const char *text = std::getenv("METACALL_DESTROY_TIMEOUT");
	if (text == nullptr || *text == '\0')
		return kDefaultDestroyTimeout;
	char *end = nullptr;
	errno = 0;
	const double seconds = std::strtod(text, &end);
	// Beyond a day is as good as no bound; the cap keeps the conversion in range.
	if (end == text || *end != '\0' || errno != 0 || !std::isfinite(seconds) || seconds < 0 ||
	    seconds > 86400.0) {
		log(LogLevel::warn,
		    "METACALL_DESTROY_TIMEOUT='%s' is not a number of seconds from 0 to 86400: metacall_destroy "
		    "drains for the default %s s",
		    text, seconds_text(kDefaultDestroyTimeout).c_str());
		return kDefaultDestroyTimeout;
	}
	return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000.0)));
}

void drain_before_destroy(Runtime &runtime) {
	const auto bound = destroy_timeout();
	const auto deadline = Clock::now() + bound;
	std::string detail;
	bool bound_passed = false;
	// Idle twice in a row: work handed from one runtime's thread to another's (a settled coroutine
	// resolving a JS promise) is in no count while it travels.
	for (int idle_rounds = 0; idle_rounds < 2;) {
		if (in_progress(runtime, detail) != 0) {
			idle_rounds = 0;
			if (Clock::now() >= deadline) {
				bound_passed = true;
				break;
			}
		} else if (++idle_rounds == 2) {
			break;
		}
		std::this_thread::sleep_for(kPollInterval);
	}
	std::string reason;
	if (bound_passed) {
		reason = "metacall_destroy: still pending when the drain ended after its bound of " +
		         seconds_text(bound) + " s (METACALL_DESTROY_TIMEOUT)";
		log(LogLevel::warn,
		    "metacall_destroy: the drain ended after its bound of %s s (METACALL_DESTROY_TIMEOUT) "
		    "with work in progress (%s); what is still pending is rejected",
		    seconds_text(bound).c_str(), detail.c_str());
	} else {
		reason = "metacall_destroy: still pending when nothing left running could settle it";
	}
	for (const auto &loader : runtime.started_loaders()) {
		const metacall_loader_interface &table = loader->interface();
		if (table.drain != nullptr && loader->active())
			table.drain(loader->state(), reason.c_str());
	}
	AsyncCalls::instance().cancel_all(reason);
}

} // namespace metacall_core
