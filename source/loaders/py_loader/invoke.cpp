#include "invoke.h"

#include "async_loop.h"
#include "buffer_loans.h"
#include "exceptions.h"
#include "from_python.h"
#include "gil.h"
#include "interrupts.h"
#include "loader_state.h"
#include "to_python.h"
#include "typed_buffers.h"

#include <metacall/metacall.h>

#include <memory>

namespace py_loader {
namespace {

constexpr std::size_t kStackArguments = 8;

// The argument objects of one call: on the stack for up to kStackArguments, with the slot before
// the first free for vectorcall (PY_VECTORCALL_ARGUMENTS_OFFSET lets a bound method use it
// instead of allocating). Holds a reference to each.
class Arguments {
public:
	explicit Arguments(std::size_t size) {
		if (size > kStackArguments) {
			heap_ = std::make_unique<PyObject *[]>(size + 1);
			slots_ = heap_.get();
		}
	}
	Arguments(const Arguments &) = delete;
	Arguments &operator=(const Arguments &) = delete;
	~Arguments() {
		for (std::size_t i = 1; i <= count_; ++i)
			Py_DECREF(slots_[i]);
	}

	// Converts args[0..size); false with a Python error set.
	bool convert(void *args[], std::size_t size, BufferLoans *loans) {
		for (; count_ < size; ++count_) {
			PyObject *object = to_python(args[count_], loans);
			if (object == nullptr)
				return false;
			slots_[count_ + 1] = object;
		}
		return true;
	}

	PyObject *call(PyObject *callable) const {
		return PyObject_Vectorcall(callable, slots_ + 1, count_ | PY_VECTORCALL_ARGUMENTS_OFFSET, nullptr);
	}

	// The method `name` of `self`, with self in the free slot before the arguments.
	PyObject *call_method(PyObject *self, PyObject *name) {
		slots_[0] = self;
		return PyObject_VectorcallMethod(name, slots_, count_ + 1, nullptr); // no slot before self to lend
	}

private:
	PyObject *stack_[kStackArguments + 1];
	std::unique_ptr<PyObject *[]> heap_;
	PyObject **slots_ = stack_;
	std::size_t count_ = 0;
};

// The value for a call's result (taken); a throwable when it does not convert.
void *result_value(PyObject *result, LoaderState &state) {
	if (result == nullptr)
		return throwable_from_error();
	void *value = from_python(result, state);
	Py_DECREF(result);
	return value != nullptr ? value : throwable_from_error();
}

} // namespace

void *invoke_python(LoaderState &state, PyObject *callable, void *args[], std::size_t size) {
	GilScope gil;        // first in, last out: everything below needs it
	RunningCall running; // metacall_interrupt and time limits find it (interrupts.h)
	release_deferred_buffers();
	BufferLoans loans; // released after the result is converted (it may be one of them)
	Arguments arguments(size);
	if (!arguments.convert(args, size, &loans))
		return throwable_from_error();
	return running.finish(result_value(arguments.call(callable), state));
}

void *invoke_method(LoaderState &state, PyObject *self, PyObject *name, void *args[], std::size_t size) {
	GilScope gil;
	RunningCall running;
	BufferLoans loans;
	Arguments arguments(size);
	if (!arguments.convert(args, size, &loans))
		return throwable_from_error();
	return running.finish(result_value(arguments.call_method(self, name), state));
}

void await_python(LoaderState &state, PyObject *callable, void *args[], std::size_t size, void *future) {
	GilScope gil;
	Arguments arguments(size);
	PyObject *coroutine = arguments.convert(args, size, nullptr) ? arguments.call(callable) : nullptr;
	if (coroutine == nullptr) {
		settle_future(future, throwable_from_error());
		return;
	}
	if (!PyCoro_CheckExact(coroutine)) { // declared async, but returned a plain value
		settle_future(future, result_value(coroutine, state));
		return;
	}
	state.async_loop().submit(coroutine, future);
	Py_DECREF(coroutine);
}

} // namespace py_loader
