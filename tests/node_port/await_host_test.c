/* A C host in the style of MetaCall's port tests (metacall_node_python_await_test): JS loaded from
 * memory require('metacall')s the port, loads Python source written in a template literal (its
 * `import` lines are Python, not an ES module) and awaits an async Python function with the port's
 * metacall_await; the host awaits the JS promise that gives.
 *   await_host_test <path of the port's index.js> */
#include <metacall/metacall.h>
#include <metacall/metacall_error.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct outcome {
	pthread_mutex_t lock;
	pthread_cond_t done;
	int settled; /* 1 resolved, -1 rejected */
	double value;
};

static void *settle(struct outcome *outcome, int how, void *value) {
	pthread_mutex_lock(&outcome->lock);
	outcome->settled = how;
	if (value != NULL && metacall_value_id(value) == METACALL_LONG)
		outcome->value = (double)metacall_value_to_long(value);
	else if (value != NULL && metacall_value_id(value) == METACALL_DOUBLE)
		outcome->value = metacall_value_to_double(value);
	pthread_cond_signal(&outcome->done);
	pthread_mutex_unlock(&outcome->lock);
	return NULL;
}
static void *resolved(void *value, void *data) {
	return settle(data, 1, value);
}
static void *rejected(void *error, void *data) {
	return settle(data, -1, error);
}

static int fail(const char *what) {
	struct metacall_exception_type error;
	fprintf(stderr, "FAIL: %s: %s\n", what, metacall_error_last(&error) == 0 ? error.message : "?");
	metacall_destroy();
	return 1;
}

int main(int argc, char *argv[]) {
	if (argc < 2)
		return 2;
	char script[4096];
	snprintf(script, sizeof script,
	         "const { metacall_await, metacall_load_from_memory } = require('%s');\n"
	         "metacall_load_from_memory('py', `import sys\n"
	         "import threading\n"
	         "async def python_simple(n):\n"
	         "\treturn n\n"
	         "`);\n"
	         "module.exports = { run: (n) => metacall_await('python_simple', n) };\n",
	         argv[1]);
	if (metacall_initialize() != 0)
		return fail("metacall_initialize");
	if (metacall_load_from_memory("node", script, strlen(script) + 1, NULL) != 0)
		return fail("loading the JS that uses the port");
	struct outcome outcome = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
	void *args[] = {metacall_value_create_long(32)};
	void *future = metacall_await_s("run", args, 1, resolved, rejected, &outcome);
	metacall_value_destroy(args[0]);
	if (future == NULL)
		return fail("metacall_await_s(run)");
	struct timespec deadline;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 30;
	pthread_mutex_lock(&outcome.lock);
	while (outcome.settled == 0 && pthread_cond_timedwait(&outcome.done, &outcome.lock, &deadline) == 0) {
	}
	pthread_mutex_unlock(&outcome.lock);
	metacall_value_destroy(future);
	metacall_destroy();
	if (outcome.settled != 1 || outcome.value != 32) {
		fprintf(stderr, "FAIL: the promise of metacall_await('python_simple', 32) %s (value %g)\n",
		        outcome.settled == 0 ? "did not settle in 30 s"
		                             : (outcome.settled < 0 ? "was rejected" : "resolved"),
		        outcome.value);
		return 1;
	}
	printf("ok: metacall_await of the port, in JS a C host loaded, awaited a Python coroutine\n");
	return 0;
}
