#include "loader_types.h"

namespace metacall_core {

const std::vector<metacall_loader_type> *known_loader_types(const std::string &tag) {
	// As the loaders convert them (docs/NUMBERS.md for numbers): Python's int is a long (a big
	// integer beyond it), a JS number a double (a long when whole), C's unsigned types widen.
	static const std::vector<metacall_loader_type> py = {
	    {"bool", METACALL_BOOL},     {"int", METACALL_LONG},          {"float", METACALL_DOUBLE},
	    {"str", METACALL_STRING},    {"bytes", METACALL_BUFFER},      {"bytearray", METACALL_BUFFER},
	    {"list", METACALL_ARRAY},    {"tuple", METACALL_ARRAY},       {"dict", METACALL_MAP},
	    {"NoneType", METACALL_NULL}, {"function", METACALL_FUNCTION}, {"coroutine", METACALL_FUTURE},
	    {"type", METACALL_CLASS},    {"object", METACALL_OBJECT},     {"BaseException", METACALL_EXCEPTION},
	};
	static const std::vector<metacall_loader_type> node = {
	    {"boolean", METACALL_BOOL},   {"number", METACALL_DOUBLE},      {"bigint", METACALL_BIGINT},
	    {"string", METACALL_STRING},  {"ArrayBuffer", METACALL_BUFFER}, {"Buffer", METACALL_BUFFER},
	    {"Array", METACALL_ARRAY},    {"Object", METACALL_MAP},         {"null", METACALL_NULL},
	    {"undefined", METACALL_NULL}, {"function", METACALL_FUNCTION},  {"Promise", METACALL_FUTURE},
	    {"class", METACALL_CLASS},    {"Error", METACALL_EXCEPTION},
	};
	static const std::vector<metacall_loader_type> c = {
	    {"void", METACALL_NULL},        {"bool", METACALL_BOOL},
	    {"_Bool", METACALL_BOOL},       {"char", METACALL_CHAR},
	    {"signed char", METACALL_CHAR}, {"unsigned char", METACALL_SHORT},
	    {"short", METACALL_SHORT},      {"unsigned short", METACALL_INT},
	    {"int", METACALL_INT},          {"unsigned int", METACALL_LONG},
	    {"long", METACALL_LONG},        {"unsigned long", METACALL_LONG},
	    {"long long", METACALL_LONG},   {"unsigned long long", METACALL_LONG},
	    {"float", METACALL_FLOAT},      {"double", METACALL_DOUBLE},
	    {"char *", METACALL_STRING},    {"void *", METACALL_PTR},
	    {"int8_t", METACALL_CHAR},      {"uint8_t", METACALL_SHORT},
	    {"int16_t", METACALL_SHORT},    {"uint16_t", METACALL_INT},
	    {"int32_t", METACALL_INT},      {"uint32_t", METACALL_LONG},
	    {"int64_t", METACALL_LONG},     {"uint64_t", METACALL_LONG},
	    {"size_t", METACALL_LONG},
	};
	if (tag == "py")
		return &py;
	if (tag == "node")
		return &node;
	if (tag == "c")
		return &c;
	return nullptr;
}

} // namespace metacall_core
