// libFuzzer target: the C loader's declaration parser, on any bytes. Every input either parses or
// is refused with a LoadError naming where; anything else (a crash, another exception, a hang) is
// a finding.
#include "declaration_parser.h"
#include "load_error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	c_loader::DeclarationParser parser;
	try {
		parser.parse(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.h");
	} catch (const c_loader::LoadError &) {
		// refused, with a reason: fine
	}
	return 0;
}
