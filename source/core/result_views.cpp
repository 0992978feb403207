// metacall_loader_set_views / metacall_loader_take_views: a port asks that the result of its next
// call into a loader come by reference (metacall_loader.h, issue #19). One flag per thread.
#include "fast_tls.h"

#include <metacall/metacall_loader.h>

namespace {

METACALL_FAST_TLS thread_local int views_wanted = 0;

} // namespace

extern "C" int metacall_loader_set_views(int enable) {
	const int previous = views_wanted;
	views_wanted = enable != 0 ? 1 : 0;
	return previous;
}

extern "C" int metacall_loader_take_views(void) {
	const int wanted = views_wanted;
	views_wanted = 0;
	return wanted;
}
