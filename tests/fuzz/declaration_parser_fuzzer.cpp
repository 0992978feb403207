// libFuzzer target: the C loader's declaration parser, on any bytes. Every input either parses or
// is refused with a LoadError naming where; anything else (a crash, another exception, a hang) is
// a finding.
#include "declaration_parser.h"
#include "load_error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	const std::string_view text(reinterpret_cast<const char *>(data), size);
	// As a header, and as a C source (definitions with bodies, what memory loads may hold).
	for (const c_loader::TextKind kind : {c_loader::TextKind::header, c_loader::TextKind::source}) {
		c_loader::DeclarationParser parser;
		try {
			parser.parse(text, "fuzz.h", kind);
		} catch (const c_loader::LoadError &) {
			// refused, with a reason: fine
		}
	}
	(void)c_loader::defines_functions(text);
	return 0;
}
