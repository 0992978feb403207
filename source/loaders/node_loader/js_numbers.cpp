#include "js_numbers.h"

#include <metacall/metacall_loader.h>

#include <cstdlib>
#include <cstring>

namespace node_loader {

NumberRule number_rule_from_environment() {
	const char *asked = std::getenv("METACALL_NODE_NUMBERS");
	if (asked == nullptr || asked[0] == '\0' || std::strcmp(asked, "integers") == 0)
		return NumberRule::integers;
	if (std::strcmp(asked, "double") == 0)
		return NumberRule::doubles;
	metacall_loader_log("warn",
	                    "node loader: METACALL_NODE_NUMBERS=%s is not a number rule (\"integers\", the "
	                    "default, or \"double\"); whole JS numbers cross as integers",
	                    asked);
	return NumberRule::integers;
}

} // namespace node_loader
