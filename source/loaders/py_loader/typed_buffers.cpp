#include "typed_buffers.h"

#include "buffer_loans.h"
#include "py_ref.h"

#include <metacall/metacall.h>
#include <metacall/metacall_buffer.h>

#include <atomic>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace py_loader {
namespace {

// ---- Values -> memoryviews ----

// The format strings a memoryview points to for as long as it lives.
const char *format_string(char format) {
	static const char kFormats[] = "b\0B\0h\0H\0i\0I\0q\0Q\0f\0d";
	for (const char *f = kFormats; f < kFormats + sizeof kFormats; f += 2)
		if (*f == format)
			return f;
	return nullptr;
}

// A memoryview over `data` with the layout of `value`; `shape_out` holds the dimensions until
// PyMemoryView_FromBuffer has copied them.
PyObject *view_with_layout(void *value, char *data, PyObject *owner) {
	size_t ndim = 0;
	const size_t *shape = nullptr;
	const char format = metacall_value_buffer_layout(value, &ndim, &shape);
	const size_t size = metacall_value_size(value);
	const size_t item = metacall_value_buffer_item_size(format);
	if (item == 0 || ndim == 0) {
		PyErr_SetString(PyExc_TypeError, "the buffer value has no element layout");
		return nullptr;
	}
	if (owner != nullptr) { // a view of the owner's plain bytes, cast to the layout: it keeps the owner
		PyRef bytes = PyRef::steal(PyMemoryView_FromObject(owner));
		if (!bytes)
			return nullptr;
		PyRef dims = PyRef::steal(PyTuple_New(static_cast<Py_ssize_t>(ndim)));
		for (size_t i = 0; dims && i < ndim; ++i) {
			PyObject *dim = PyLong_FromSize_t(shape != nullptr ? shape[i] : size / item);
			if (dim == nullptr)
				return nullptr;
			PyTuple_SET_ITEM(dims.get(), static_cast<Py_ssize_t>(i), dim);
		}
		if (!dims)
			return nullptr;
		return PyObject_CallMethod(bytes.get(), "cast", "sO", format_string(format), dims.get());
	}
	static char empty[8] = {}; // memoryviews need an address even for no bytes
	Py_ssize_t dims[METACALL_BUFFER_MAX_DIMENSIONS];
	for (size_t i = 0; i < ndim; ++i)
		dims[i] = static_cast<Py_ssize_t>(shape != nullptr ? shape[i] : size / item);
	Py_buffer info{};
	info.buf = data != nullptr ? data : empty;
	info.len = static_cast<Py_ssize_t>(size);
	info.itemsize = static_cast<Py_ssize_t>(item);
	info.readonly = 0;
	info.ndim = static_cast<int>(ndim);
	info.format = const_cast<char *>(format_string(format));
	info.shape = dims;
	return PyMemoryView_FromBuffer(&info); // copies the shape, computes C-order strides
}

// An object whose buffer is the bytes of a buffer value it owns.
struct ValueHolder {
	PyObject_HEAD;
	void *value;
};

PyTypeObject *holder_type = nullptr; // made once per process, never freed

int holder_getbuffer(PyObject *self, Py_buffer *view, int flags) {
	void *value = reinterpret_cast<ValueHolder *>(self)->value;
	static char empty = 0;
	void *data = metacall_value_to_buffer(value);
	return PyBuffer_FillInfo(view, self, data != nullptr ? data : &empty,
	                         static_cast<Py_ssize_t>(metacall_value_size(value)), 0, flags);
}

void holder_dealloc(PyObject *self) {
	PyTypeObject *type = Py_TYPE(self);
	metacall_value_destroy(reinterpret_cast<ValueHolder *>(self)->value);
	type->tp_free(self);
	Py_DECREF(type);
}

PyType_Slot holder_slots[] = {
    {Py_bf_getbuffer, reinterpret_cast<void *>(holder_getbuffer)},
    {Py_tp_dealloc, reinterpret_cast<void *>(holder_dealloc)},
    {0, nullptr},
};

PyType_Spec holder_spec = {
    "metacall.TypedBufferValue",
    sizeof(ValueHolder),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    holder_slots,
};

// ---- Python buffers -> values ----

// A Py_buffer held by a borrowed value, released when the value is destroyed.
struct HeldBuffer {
	Py_buffer view{};
	~HeldBuffer() { PyBuffer_Release(&view); }
};

// Releases that came on threads without the GIL, waiting for it (release_deferred_buffers).
std::mutex deferred_mutex;
std::vector<std::unique_ptr<HeldBuffer>> deferred;
std::atomic<bool> any_deferred{false};

void give_back(void *, void *context) {
	std::unique_ptr<HeldBuffer> held(static_cast<HeldBuffer *>(context));
	if (!Py_IsInitialized() || _Py_IsFinalizing()) {
		(void)held.release(); // the interpreter is gone: nothing to give back to
		return;
	}
	if (PyGILState_Check())
		return; // released here, by ~HeldBuffer
	// Taking the GIL here could wait forever: this thread (Node's) may be one that a thread
	// holding the GIL waits for. The next call into Python releases it.
	std::lock_guard<std::mutex> lock(deferred_mutex);
	deferred.push_back(std::move(held));
	any_deferred.store(true, std::memory_order_release);
}

// The metacall format letter of a Python buffer's format, or 0 when it has none. `bytes_like` is
// set for single bytes (B, c, ?), which cross as plain bytes.
char element_format(const Py_buffer &view, bool &bytes_like) {
	const char *format = view.format != nullptr ? view.format : "B";
	bytes_like = false;
	if (*format == '@' || *format == '=' || *format == '<')
		++format;
	else if ((*format == '>' || *format == '!') && view.itemsize > 1)
		return 0; // big-endian data
	else if (*format == '>' || *format == '!')
		++format;
	if (format[0] == '\0' || format[1] != '\0')
		return 0; // a struct, a repeat count, a complex 'Zd'
	char letter = format[0];
	switch (letter) {
	case 'c':
	case '?':
		bytes_like = view.itemsize == 1;
		return bytes_like ? 'B' : 0;
	case 'l':
	case 'n':
		letter = view.itemsize == 8 ? 'q' : 'i';
		break;
	case 'L':
	case 'N':
		letter = view.itemsize == 8 ? 'Q' : 'I';
		break;
	default:
		break;
	}
	const size_t item = metacall_value_buffer_item_size(letter);
	if (item == 0 || static_cast<Py_ssize_t>(item) != view.itemsize)
		return 0;
	bytes_like = letter == 'B';
	return letter;
}

template <typename T>
T read_as(const void *data) {
	T out;
	std::memcpy(&out, data, sizeof out);
	return out;
}

// A 0-d buffer (a NumPy scalar such as np.int64(3)) as the number it holds.
void *number_of(const Py_buffer &view, char format) {
	if (format == 'f')
		return metacall_value_create_double(read_as<float>(view.buf));
	if (format == 'd')
		return metacall_value_create_double(read_as<double>(view.buf));
	long number = 0;
	switch (format) {
	case 'b':
		number = read_as<signed char>(view.buf);
		break;
	case 'B':
		number = read_as<unsigned char>(view.buf);
		break;
	case 'h':
		number = read_as<short>(view.buf);
		break;
	case 'H':
		number = read_as<unsigned short>(view.buf);
		break;
	case 'i':
		number = read_as<int>(view.buf);
		break;
	case 'I':
		number = read_as<unsigned int>(view.buf);
		break;
	case 'q':
		number = read_as<long>(view.buf);
		break;
	case 'Q': {
		const auto u = read_as<unsigned long>(view.buf);
		if (u > static_cast<unsigned long>(LONG_MAX)) {
			PyErr_Format(PyExc_OverflowError, "the uint64 %lu does not fit in a metacall Long", u);
			return nullptr;
		}
		number = static_cast<long>(u);
		break;
	}
	}
	return metacall_value_create_long(number);
}

// Gives `value` the shape of `view`; destroys it and sets a Python error when that fails.
void *with_layout(void *value, const Py_buffer &view, char format) {
	size_t shape[METACALL_BUFFER_MAX_DIMENSIONS];
	for (int i = 0; i < view.ndim; ++i)
		shape[i] = static_cast<size_t>(view.shape != nullptr ? view.shape[i] : view.len / view.itemsize);
	if (metacall_value_buffer_set_layout(value, format, static_cast<size_t>(view.ndim), shape) != nullptr)
		return value;
	metacall_value_destroy(value);
	metacall_exception_type error{};
	PyErr_SetString(PyExc_ValueError, metacall_error_last(&error) == 0 ? error.message : "bad buffer layout");
	return nullptr;
}

// A C-contiguous copy of `view`'s bytes.
void *copy_of(Py_buffer &view) {
	void *value = metacall_value_create_buffer(nullptr, static_cast<std::size_t>(view.len));
	if (value != nullptr && view.len > 0 &&
	    PyBuffer_ToContiguous(metacall_value_to_buffer(value), &view, view.len, 'C') != 0) {
		metacall_value_destroy(value);
		return nullptr;
	}
	return value;
}

} // namespace

bool is_typed_buffer(void *value) {
	size_t ndim = 0;
	return metacall_value_buffer_layout(value, &ndim, nullptr) != 'B' || ndim != 1;
}

PyObject *typed_view_over(void *value) {
	return view_with_layout(value, static_cast<char *>(metacall_value_to_buffer(value)), nullptr);
}

// A holder of `value` (taken): destroyed with it, or at once when no holder can be made.
PyRef holder_of(void *value) {
	if (holder_type == nullptr)
		holder_type = reinterpret_cast<PyTypeObject *>(PyType_FromSpec(&holder_spec));
	auto *holder = holder_type != nullptr ? PyObject_New(ValueHolder, holder_type) : nullptr;
	if (holder == nullptr) {
		metacall_value_destroy(value);
		return PyRef();
	}
	holder->value = value;
	return PyRef::steal(reinterpret_cast<PyObject *>(holder));
}

PyObject *owning_view(void *value) {
	if (is_typed_buffer(value))
		return owning_typed_view(value);
	PyRef owner = holder_of(value);
	return owner ? PyMemoryView_FromObject(owner.get()) : nullptr; // the view keeps the holder
}

PyObject *owning_typed_view(void *value) {
	PyRef owner = holder_of(value);
	return owner ? view_with_layout(value, nullptr, owner.get()) : nullptr; // the view keeps the holder
}

void *buffer_value_of(PyObject *object) {
	release_deferred_buffers();
	auto held = std::make_unique<HeldBuffer>();
	Py_buffer &view = held->view;
	if (PyObject_GetBuffer(object, &view, PyBUF_FULL_RO) != 0) {
		view.obj = nullptr; // nothing to release
		return nullptr;
	}
	bool bytes_like = false;
	const char format = element_format(view, bytes_like);
	if (format == 0) {
		PyErr_Format(PyExc_TypeError,
		             "cannot convert a Python '%s' of element format '%s' to a metacall buffer (supported: "
		             "int8 to int64, uint8 to uint64, float32, float64, in native byte order)",
		             Py_TYPE(object)->tp_name, view.format != nullptr ? view.format : "B");
		return nullptr;
	}
	if (view.ndim == 0)
		return number_of(view, format);
	if (bytes_like && view.ndim == 1)
		return copy_of(view); // bytes, as bytes and bytearray cross
	if (view.suboffsets == nullptr && PyBuffer_IsContiguous(&view, 'C') && !view.readonly &&
	    !BufferLoans::lent(view.buf)) {
		void *data = view.buf;
		const auto size = static_cast<std::size_t>(view.len);
		HeldBuffer *context = held.get();
		void *value = metacall_value_create_buffer_borrowed(data, size, give_back, context);
		if (value == nullptr) {
			PyErr_SetString(PyExc_MemoryError, "cannot make a buffer value");
			return nullptr;
		}
		held.release(); // the value gives it back
		return with_layout(value, context->view, format);
	}
	void *value = copy_of(view);
	return value != nullptr ? with_layout(value, view, format) : nullptr;
}

void *borrowed_bytes(PyObject *bytes) {
	release_deferred_buffers();
	auto held = std::make_unique<HeldBuffer>();
	if (PyObject_GetBuffer(bytes, &held->view, PyBUF_SIMPLE) != 0) {
		held->view.obj = nullptr; // nothing to release
		return nullptr;
	}
	HeldBuffer *context = held.get();
	void *value = metacall_value_create_buffer_borrowed(
	    context->view.buf, static_cast<std::size_t>(context->view.len), give_back, context);
	if (value == nullptr) {
		PyErr_SetString(PyExc_MemoryError, "cannot make a buffer value");
		return nullptr;
	}
	held.release(); // the value gives it back
	return value;
}

void release_deferred_buffers() {
	if (!any_deferred.load(std::memory_order_acquire))
		return;
	std::vector<std::unique_ptr<HeldBuffer>> due;
	{
		std::lock_guard<std::mutex> lock(deferred_mutex);
		due.swap(deferred);
		any_deferred.store(false, std::memory_order_relaxed);
	}
	// Released here, with the GIL, when `due` goes.
}

} // namespace py_loader
