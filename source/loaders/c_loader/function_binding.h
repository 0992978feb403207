// A declared function bound to its address: how each value becomes C arguments, the libffi call
// interface prepared once, and what the caller sees of it (parameter names and types).
#ifndef C_LOADER_FUNCTION_BINDING_H
#define C_LOADER_FUNCTION_BINDING_H

#include "callback.h"
#include "declarations.h"
#include "struct_layout.h"
#include "symbol_source.h"

#include <metacall/metacall_value.h>

#include <ffi.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace c_loader {

// How one parameter the caller sees fills C arguments.
enum class ArgumentKind : std::uint8_t {
	scalar,    // a number
	string,    // const char *: a String value's bytes
	pointer,   // any other pointer: a Pointer value's address (or a Buffer's, a String's bytes)
	bytes,     // (T *p, size_t n) with byte-sized T: a Buffer (or String) as pointer and length
	numbers,   // (T *p, size_t n) with numeric T: an Array of numbers (or a Buffer) as pointer and count
	structure, // struct name *: a Map laid out as the struct
	callback,  // R (*f)(A...): a Function value as a C function pointer
};

struct ParameterPlan {
	ArgumentKind kind;
	Scalar scalar = Scalar::void_; // scalar: its type; numbers: the element type
	Scalar length = Scalar::void_; // bytes, numbers: the type of the length argument
	bool char_data = false;        // the pointer is to char: String values are accepted
	// pointer to numbers (`int *`, `double[]`), scalar is their type: an Array of numbers is copied
	// into a C array for the call and, unless the pointee is const, what the function changed is
	// written back into the Array's elements
	bool elements = false;
	bool read_only = false;
	std::uint16_t c_index = 0;                       // the (first) C argument it fills
	enum metacall_value_id id;                       // what the caller sees
	enum metacall_value_id exact = METACALL_INVALID; // scalar: a value of this type needs no checks
	std::string name;
	std::string spelling;                              // the C type, for messages
	std::shared_ptr<const StructLayout> layout;        // structure
	std::shared_ptr<const CallbackSignature> callback; // callback
};

enum class ResultKind : std::uint8_t { none, scalar, string, pointer };

// How a call reaches the function. Where the platform's calling convention passes every integer
// and pointer argument in a general register (and every double in a floating-point register) the
// same way whatever its C type, a function of up to kDirectArguments such arguments is called
// through a plain function pointer: the same machine call libffi would make, without its generic
// argument marshalling. Everything else goes through the prepared libffi call interface.
enum class CallPath : std::uint8_t {
	ffi,             // libffi: any signature
	direct_integers, // every argument an integer or pointer, widened to 64 bits
	direct_doubles,  // every argument a double
};
constexpr std::size_t kDirectArguments = 6;
// Calls whose parameters need no temporary memory and no closures, and have at most this many C
// arguments, keep everything in fixed arrays on the stack.
constexpr std::size_t kSimpleArguments = 12;

// Finds (and builds once per module) the layout of a struct by name; nullptr when the struct is
// only declared, not defined.
using LayoutLookup = std::function<std::shared_ptr<const StructLayout>(const std::string &name)>;

class FunctionBinding;
// A function's call routine (see function_call.h): converts `args` (borrowed, `size` of them),
// calls and returns a new value. Chosen once, when the function is bound.
using Invoker = void *(*)(const FunctionBinding &function, void *args[], std::size_t size);

class FunctionBinding {
public:
	// Binds `declaration` to `address` in `library`. Throws LoadError, naming the parameter and
	// where it is declared, for a type that cannot be passed (a struct by value, ...).
	FunctionBinding(const FunctionDeclaration &declaration, void *address,
	                std::shared_ptr<const SymbolSource> library, const LayoutLookup &layouts);
	FunctionBinding(const FunctionBinding &) = delete;
	FunctionBinding &operator=(const FunctionBinding &) = delete;

	const std::string &name() const { return name_; }
	void *address() const { return address_; }
	ffi_cif *cif() const { return &cif_; }
	std::size_t c_argument_count() const { return c_types_.size(); }
	const std::vector<ParameterPlan> &parameters() const { return params_; }
	ResultKind result_kind() const { return result_kind_; }
	Scalar result_scalar() const { return result_scalar_; }
	const std::string &result_spelling() const { return result_spelling_; }
	// Only scalar, string and pointer parameters, at most kSimpleArguments of them.
	bool is_simple() const { return simple_; }
	CallPath call_path() const { return call_path_; }
	Invoker invoker() const { return invoker_; }

	// For the core's discover: one entry per parameter the caller sees.
	const std::vector<const char *> &parameter_names() const { return param_names_; }
	const std::vector<enum metacall_value_id> &parameter_types() const { return param_ids_; }
	enum metacall_value_id return_type() const { return return_id_; }

private:
	void plan_parameters(const FunctionDeclaration &declaration, const LayoutLookup &layouts);
	void plan_result(const FunctionDeclaration &declaration);
	void choose_call_path();

	std::string name_;
	void *address_;
	std::shared_ptr<const SymbolSource> library_; // open while the function is referenced
	std::vector<ffi_type *> c_types_;
	mutable ffi_cif cif_{}; // libffi takes it non-const; it is not changed after preparation
	std::vector<ParameterPlan> params_;
	ResultKind result_kind_ = ResultKind::none;
	Scalar result_scalar_ = Scalar::void_;
	std::string result_spelling_;
	std::vector<const char *> param_names_; // point into params_
	std::vector<enum metacall_value_id> param_ids_;
	enum metacall_value_id return_id_ = METACALL_NULL;
	bool simple_ = false;
	CallPath call_path_ = CallPath::ffi;
	Invoker invoker_ = nullptr;
};

} // namespace c_loader

#endif
