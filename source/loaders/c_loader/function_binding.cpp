#include "function_binding.h"

#include "function_call.h"
#include "load_error.h"
#include "scalar_conversion.h"

#include <limits>

namespace c_loader {
namespace {

// The length half of a (pointer, length) pair: an integer named like a length, or any size_t.
bool names_a_length(const Parameter &param) {
	const CType &type = param.type;
	if (!type.is_scalar() || !is_integer(type.base) || type.base == Scalar::bool_)
		return false;
	const std::string &spelling = type.spelling;
	const std::string size_t_word = "size_t";
	if (spelling == size_t_word ||
	    (spelling.size() > size_t_word.size() &&
	     spelling.compare(spelling.size() - size_t_word.size() - 1, std::string::npos, " size_t") == 0))
		return true;
	const std::string &name = param.name;
	return name == "len" || name == "length" || name == "n" || name == "size" || name == "count" ||
	       name.rfind("n_", 0) == 0 || name.rfind("num_", 0) == 0;
}

bool pairs_with_length(const Parameter &pointer, const Parameter &length) {
	return (pointer.type.points_to_bytes() || pointer.type.points_to_numbers()) && names_a_length(length);
}

} // namespace

FunctionBinding::FunctionBinding(const FunctionDeclaration &declaration, void *address,
                                 std::shared_ptr<const SymbolSource> library, const LayoutLookup &layouts)
    : name_(declaration.name), address_(address), library_(std::move(library)) {
	plan_parameters(declaration, layouts);
	plan_result(declaration);
	ffi_type *result = result_kind_ == ResultKind::none     ? &ffi_type_void
	                   : result_kind_ == ResultKind::scalar ? ffi_type_of(result_scalar_)
	                                                        : &ffi_type_pointer;
	if (c_types_.size() > std::numeric_limits<std::uint16_t>::max() ||
	    ffi_prep_cif(&cif_, FFI_DEFAULT_ABI, static_cast<unsigned>(c_types_.size()), result,
	                 c_types_.data()) != FFI_OK)
		throw LoadError(declaration.where.describe() + ": libffi cannot prepare a call to '" + name_ + "'");
	for (const ParameterPlan &param : params_) {
		param_names_.push_back(param.name.c_str());
		param_ids_.push_back(param.id);
	}
	choose_call_path();
	invoker_ = choose_invoker(*this);
}

void FunctionBinding::choose_call_path() {
	simple_ = c_types_.size() <= kSimpleArguments;
	bool integers = true, doubles = true;
	for (const ParameterPlan &param : params_) {
		const bool scalar = param.kind == ArgumentKind::scalar;
		simple_ =
		    simple_ && (scalar || param.kind == ArgumentKind::string || param.kind == ArgumentKind::pointer);
		integers = integers && (!scalar || is_integer(param.scalar));
		doubles = doubles && scalar && param.scalar == Scalar::double_;
	}
#if (defined(__x86_64__) || defined(__aarch64__)) && !defined(_WIN32)
	// System V x86-64 and AAPCS64: integers and pointers in general registers, doubles in vector
	// registers, by position within their class; a result in the first register of its class.
	// Narrow integers are passed widened to 64 bits, which satisfies callers' and callees' rules
	// on both. float results come back in a vector register too; float arguments would not fit.
	if (simple_ && params_.size() <= kDirectArguments) {
		if (integers)
			call_path_ = CallPath::direct_integers;
		else if (doubles)
			call_path_ = CallPath::direct_doubles;
	}
#endif
}

void FunctionBinding::plan_parameters(const FunctionDeclaration &declaration, const LayoutLookup &layouts) {
	const auto &declared = declaration.prototype.params;
	for (std::size_t i = 0; i < declared.size(); ++i) {
		const Parameter &param = declared[i];
		const CType &type = param.type;
		auto refuse = [&](const std::string &why) {
			throw LoadError(param.where.describe() + ": parameter '" + param.name + "' of '" + name_ +
			                "': " + why);
		};
		ParameterPlan plan{};
		plan.name = param.name;
		plan.spelling = type.spelling;
		plan.c_index = static_cast<std::uint16_t>(c_types_.size());
		plan.char_data = type.pointers == 1 && type.plain_char;
		if (type.is_struct_value())
			refuse("struct " + type.struct_name +
			       " passed by value is not supported; pass a pointer (struct " + type.struct_name + " *)");
		if (i + 1 < declared.size() && pairs_with_length(param, declared[i + 1])) {
			const bool bytes = type.points_to_bytes();
			plan.kind = bytes ? ArgumentKind::bytes : ArgumentKind::numbers;
			plan.id = bytes ? METACALL_BUFFER : METACALL_ARRAY;
			plan.scalar = bytes ? Scalar::uint8 : type.base;
			plan.length = declared[i + 1].type.base;
			plan.read_only = type.const_base;
			plan.spelling += ", " + declared[i + 1].type.spelling + " " + declared[i + 1].name;
			c_types_.push_back(&ffi_type_pointer);
			c_types_.push_back(ffi_type_of(plan.length));
			++i;
		} else if (type.is_scalar()) {
			plan.kind = ArgumentKind::scalar;
			plan.scalar = type.base;
			plan.id = value_id_of(type.base);
			plan.exact = exact_value_id(type.base);
			c_types_.push_back(ffi_type_of(type.base));
		} else if (type.is_callback()) {
			plan.kind = ArgumentKind::callback;
			plan.id = METACALL_FUNCTION;
			plan.callback = std::make_shared<const CallbackSignature>(*type.callback, param.where);
			c_types_.push_back(&ffi_type_pointer);
		} else if (type.is_string() && type.const_base) {
			plan.kind = ArgumentKind::string;
			plan.id = METACALL_STRING;
			c_types_.push_back(&ffi_type_pointer);
		} else if (type.is_struct_pointer() && (plan.layout = layouts(type.struct_name)) != nullptr) {
			plan.kind = ArgumentKind::structure;
			plan.id = METACALL_MAP;
			c_types_.push_back(&ffi_type_pointer);
		} else {
			plan.kind = ArgumentKind::pointer; // also opaque structs (declared, never defined)
			plan.id = METACALL_PTR;
			if (type.points_to_numbers()) {
				plan.elements = true;
				plan.scalar = type.base;
				plan.read_only = type.const_base;
			}
			c_types_.push_back(&ffi_type_pointer);
		}
		params_.push_back(std::move(plan));
	}
}

void FunctionBinding::plan_result(const FunctionDeclaration &declaration) {
	const CType &type = declaration.prototype.result;
	result_spelling_ = type.spelling;
	if (type.is_struct_value())
		throw LoadError(declaration.where.describe() + ": '" + name_ + "' returns struct " +
		                type.struct_name + " by value, which is not supported; return a pointer");
	if (type.is_void()) {
		result_kind_ = ResultKind::none;
		return_id_ = METACALL_NULL;
	} else if (type.is_scalar()) {
		result_kind_ = ResultKind::scalar;
		result_scalar_ = type.base;
		return_id_ = value_id_of(type.base);
	} else if (type.is_string()) {
		result_kind_ = ResultKind::string;
		return_id_ = METACALL_STRING;
	} else {
		result_kind_ = ResultKind::pointer;
		return_id_ = METACALL_PTR;
	}
}

} // namespace c_loader
