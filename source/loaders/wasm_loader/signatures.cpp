#include "signatures.h"

#include <cctype>
#include <stdexcept>

namespace wasm_loader {
namespace {

std::string trim(const std::string &text) {
	size_t begin = 0, end = text.size();
	while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
		++begin;
	while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
		--end;
	return text.substr(begin, end - begin);
}

std::optional<Kind> kind_of(const std::string &word) {
	static const std::map<std::string, Kind> kinds = {{"i32", Kind::i32},       {"i64", Kind::i64},
	                                                  {"f32", Kind::f32},       {"f64", Kind::f64},
	                                                  {"string", Kind::string}, {"buffer", Kind::buffer}};
	auto found = kinds.find(word);
	return found != kinds.end() ? std::optional<Kind>(found->second) : std::nullopt;
}

} // namespace

const char *kind_name(Kind kind) {
	switch (kind) {
	case Kind::i32:
		return "i32";
	case Kind::i64:
		return "i64";
	case Kind::f32:
		return "f32";
	case Kind::f64:
		return "f64";
	case Kind::string:
		return "string";
	case Kind::buffer:
		return "buffer";
	}
	return "?";
}

std::map<std::string, DeclaredSignature> parse_signatures(const std::string &text) {
	std::map<std::string, DeclaredSignature> signatures;
	size_t line_number = 0;
	for (size_t start = 0; start < text.size();) {
		size_t end = text.find('\n', start);
		if (end == std::string::npos)
			end = text.size();
		const std::string line = trim(text.substr(start, end - start));
		start = end + 1;
		++line_number;
		if (line.empty() || line[0] == '#')
			continue;
		auto fail = [&](const std::string &why) {
			throw std::runtime_error("metacall_signatures line " + std::to_string(line_number) + " ('" +
			                         line + "'): " + why);
		};
		const size_t open = line.find('('), close = line.find(')');
		if (open == std::string::npos || close == std::string::npos || close < open)
			fail("expected name(parameters) [-> type]");
		const std::string name = trim(line.substr(0, open));
		if (name.empty())
			fail("no function name");
		DeclaredSignature signature;
		const std::string params = trim(line.substr(open + 1, close - open - 1));
		for (size_t at = 0; !params.empty() && at <= params.size();) {
			size_t comma = params.find(',', at);
			if (comma == std::string::npos)
				comma = params.size();
			const std::string param = trim(params.substr(at, comma - at));
			at = comma + 1;
			const size_t colon = param.find(':');
			const std::string type = trim(colon == std::string::npos ? param : param.substr(colon + 1));
			const auto kind = kind_of(type);
			if (!kind)
				fail("unknown type '" + type + "' (i32, i64, f32, f64, string, buffer)");
			std::string param_name = colon == std::string::npos ? "" : trim(param.substr(0, colon));
			if (param_name.empty())
				param_name = "arg" + std::to_string(signature.params.size());
			signature.params.push_back({param_name, *kind});
		}
		const std::string rest = trim(line.substr(close + 1));
		if (!rest.empty()) {
			if (rest.rfind("->", 0) != 0)
				fail("expected '-> type' after the parameters");
			const std::string type = trim(rest.substr(2));
			const auto kind = kind_of(type);
			if (!kind)
				fail("unknown result type '" + type + "'");
			signature.result = kind;
		}
		if (!signatures.emplace(name, std::move(signature)).second)
			fail("'" + name + "' is declared twice");
	}
	return signatures;
}

} // namespace wasm_loader
