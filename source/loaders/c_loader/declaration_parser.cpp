#include "declaration_parser.h"

#include "declaration_tokenizer.h"
#include "load_error.h"
#include "object_macros.h"

#include <array>
#include <optional>

namespace c_loader {

namespace {

// Spelled types that need no header: the fixed-width and pointer-sized integers.
CType builtin(Scalar scalar, const char *spelling) {
	CType type;
	type.base = scalar;
	type.spelling = spelling;
	return type;
}

constexpr std::array kIgnoredSpecifiers = {"volatile",   "restrict", "__restrict",   "__restrict__",
                                           "static",     "extern",   "inline",       "__inline",
                                           "__inline__", "register", "__extension__"};

bool is_ignored_specifier(std::string_view word) {
	for (const char *ignored : kIgnoredSpecifiers)
		if (word == ignored)
			return true;
	return false;
}

bool is_qualifier(std::string_view word) {
	return word == "const" || word == "volatile" || word == "restrict" || word == "__restrict" ||
	       word == "__restrict__";
}

bool is_asm_label(std::string_view word) {
	return word == "__asm__" || word == "__asm" || word == "asm";
}

// The words that make up a type before the declarator, as counted while reading them.
struct TypeWords {
	int signed_words = 0, unsigned_words = 0, shorts = 0, longs = 0, ints = 0;
	std::optional<std::string_view> word; // char, float, double, void, bool, _Bool
	std::optional<CType> named;           // a typedef name or `struct name`
	bool is_const = false;
	std::string spelling;

	bool any() const { return word || named || signed_words || unsigned_words || shorts || longs || ints; }
};

} // namespace

// Parses the tokens of one file into the DeclarationParser's tables.
class FileParser {
public:
	FileParser(DeclarationParser &owner, std::string_view text, const std::string &file, TextKind kind)
	    : owner_(owner), file_(std::make_shared<const std::string>(file)),
	      tokens_(expand_object_macros(tokenize(text, file), text, file, kind == TextKind::header)),
	      kind_(kind) {}

	void run() {
		if (kind_ == TextKind::source) {
			run_source();
			return;
		}
		int extern_blocks = 0;
		while (peek().kind != TokenKind::end) {
			if (accept(";"))
				continue;
			if (extern_blocks > 0 && accept("}")) {
				--extern_blocks;
				continue;
			}
			if (peek().is("extern") && peek(1).kind == TokenKind::string) {
				next();
				next();
				if (accept("{")) {
					++extern_blocks;
					continue;
				}
			}
			if (accept("typedef"))
				parse_typedef();
			else
				parse_declaration();
		}
		if (extern_blocks > 0)
			fail(peek(), "'}' closing extern \"C\" {");
	}

private:
	// A top-level item of a source: where it ends, and what the parser needs to know first.
	struct Extent {
		std::size_t end = 0;   // the token after it
		bool has_body = false; // a function definition: `... ) { ... }`
		bool is_static = false;
	};

	// The item starting at pos_: up to a ';' outside brackets, or through the body that follows a
	// ')' (a function definition). Brackets are counted, not checked (TinyCC has compiled the text).
	Extent extent_from_here() const {
		Extent extent;
		int depth = 0;
		bool in_body = false;
		for (std::size_t i = pos_; i < tokens_.size(); ++i) {
			const Token &token = tokens_[i];
			if (token.kind == TokenKind::end)
				return extent.end = i, extent;
			if (depth == 0 && !in_body && token.is("static"))
				extent.is_static = true;
			if (token.is("{") && depth == 0 && i > pos_ && tokens_[i - 1].is(")")) {
				in_body = true;
				extent.has_body = true;
			}
			if (token.is("(") || token.is("[") || token.is("{")) {
				++depth;
			} else if (token.is(")") || token.is("]") || token.is("}")) {
				--depth;
				if (depth == 0 && in_body)
					return extent.end = i + 1, extent;
			} else if (token.is(";") && depth == 0) {
				return extent.end = i + 1, extent;
			}
		}
		return extent.end = tokens_.size() - 1, extent;
	}

	// A C source: definitions are declared; anything the subset does not read is skipped unless it
	// is the prototype of a function to declare (then its error stands).
	void run_source() {
		while (peek().kind != TokenKind::end) {
			if (accept(";"))
				continue;
			const std::size_t start = pos_;
			const Extent extent = extent_from_here();
			defines_exported_ = extent.has_body && !extent.is_static;
			try {
				if (accept("typedef"))
					parse_typedef();
				else
					parse_declaration();
			} catch (const LoadError &) {
				if (defines_exported_)
					throw;
				anonymous_.reset();
				pos_ = start;
			}
			if (pos_ < extent.end)
				pos_ = extent.end;
		}
	}

	struct Declarator {
		std::string name;
		Location where;
		CType type;
		bool is_function = false;
		std::vector<Parameter> params;
	};

	const Token &peek(std::size_t ahead = 0) const {
		return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
	}
	const Token &next() {
		const Token &token = peek();
		if (pos_ < tokens_.size() - 1)
			++pos_;
		return token;
	}
	bool accept(std::string_view spelling) {
		if (!peek().is(spelling))
			return false;
		next();
		return true;
	}
	void expect(std::string_view spelling) {
		if (!accept(spelling))
			fail(peek(), "'" + std::string(spelling) + "'");
	}
	Location location(const Token &token) const { return Location{file_, token.line, token.column}; }

	[[noreturn]] void fail(const Token &found, const std::string &expected) const {
		throw LoadError(location(found).describe() + ": expected " + expected + ", found " + found.quoted());
	}
	[[noreturn]] void fail_at(const Location &where, const std::string &message) const {
		throw LoadError(where.describe() + ": " + message);
	}

	// __attribute__((...)) and __declspec(...): skipped with their balanced parentheses.
	bool skip_attribute() {
		if (!peek().is("__attribute__") && !peek().is("__declspec"))
			return false;
		next();
		const Token &open = peek();
		expect("(");
		int depth = 1;
		while (depth > 0) {
			const Token &token = next();
			if (token.kind == TokenKind::end)
				fail(token, "')' closing the attribute opened at line " + std::to_string(open.line));
			if (token.is("("))
				++depth;
			else if (token.is(")"))
				--depth;
		}
		return true;
	}

	void parse_typedef() {
		CType base = parse_specifiers(true);
		do {
			Declarator declarator = parse_declarator(base, true, false);
			if (declarator.is_function)
				fail_at(declarator.where, "typedefs of function types are not supported; typedef a pointer "
				                          "instead: typedef R (*" +
				                              declarator.name + ")(...)");
			name_anonymous_struct(declarator.type, declarator.name);
			// `typedef struct { ... } A, *PA;`: the first name named the struct; the others share it.
			if (base.struct_name == kAnonymous)
				base.struct_name = declarator.type.struct_name;
			declarator.type.spelling = declarator.name;
			owner_.typedefs_[declarator.name] = declarator.type;
		} while (accept(","));
		expect(";");
	}

	void parse_declaration() {
		const CType base = parse_specifiers(true);
		if (accept(";")) {
			const bool is_enum = base.spelling.rfind("enum", 0) == 0;
			if (!is_enum && (base.struct_name.empty() || base.struct_name == kAnonymous))
				fail_at(location(tokens_[pos_ - 1]), "a declaration without a name declares nothing");
			return; // a struct or enum definition, or a forward declaration
		}
		if (base.struct_name == kAnonymous)
			fail_at(anonymous_->where, "an anonymous struct needs a name (struct name { ... }) or a typedef");
		Declarator declarator = parse_declarator(base, true, false);
		if (!declarator.is_function)
			fail(peek(), "'(' (only functions, structs and typedefs can be declared)");
		std::string symbol = declarator.name;
		for (;;) {
			if (skip_attribute())
				continue;
			if (is_asm_label(peek().text) && peek().kind == TokenKind::identifier) {
				next();
				expect("(");
				const Token &label = peek();
				if (label.kind != TokenKind::string)
					fail(label, "the symbol name as a string");
				next();
				symbol = std::string(label.text.substr(1, label.text.size() - 2));
				expect(")");
				continue;
			}
			break;
		}
		if (peek().is("{") && kind_ == TextKind::header)
			fail_at(location(peek()), "function bodies are not supported in a header (declare '" +
			                              declarator.name +
			                              "' without its body, and build it into the library, or load "
			                              "the C source itself)");
		if (kind_ == TextKind::source) {
			// run_source() steps over the body; a prototype alone declares what is defined elsewhere.
			if (defines_exported_)
				add_function(FunctionDeclaration{declarator.name, symbol,
				                                 Prototype{declarator.type, declarator.params},
				                                 declarator.where});
			return;
		}
		expect(";");
		add_function(FunctionDeclaration{declarator.name, symbol,
		                                 Prototype{declarator.type, declarator.params}, declarator.where});
	}

	void add_function(FunctionDeclaration function) {
		auto &functions = owner_.declarations_.functions;
		auto [entry, added] = owner_.function_index_.try_emplace(function.name, functions.size());
		if (added) {
			functions.push_back(std::move(function));
			return;
		}
		const FunctionDeclaration &first = functions[entry->second];
		if (signature_key(first) != signature_key(function) || first.symbol != function.symbol)
			fail_at(function.where, "conflicting declaration of '" + function.name + "' (first declared at " +
			                            first.where.describe() + ")");
	}

	static std::string signature_key(const FunctionDeclaration &function) {
		std::string key = canonical(function.prototype.result) + "(";
		for (const Parameter &param : function.prototype.params)
			key += canonical(param.type) + ",";
		return key + ")";
	}

	// The type words before a declarator; at the top level they may define a struct.
	CType parse_specifiers(bool top_level) {
		const Token &first = peek();
		TypeWords words;
		for (;;) {
			const Token &token = peek();
			if (token.kind != TokenKind::identifier)
				break;
			const std::string_view word = token.text;
			if (skip_attribute())
				continue;
			if (word == "const") {
				words.is_const = true;
			} else if (is_ignored_specifier(word)) {
				// storage classes and qualifiers that do not change how a value is passed
			} else if (word == "signed" || word == "__signed__") {
				++words.signed_words;
			} else if (word == "unsigned") {
				++words.unsigned_words;
			} else if (word == "short") {
				++words.shorts;
			} else if (word == "long") {
				++words.longs;
			} else if (word == "int") {
				++words.ints;
			} else if (word == "char" || word == "float" || word == "double" || word == "void" ||
			           word == "bool" || word == "_Bool") {
				if (words.word || words.named)
					fail_at(location(token), "'" + std::string(word) + "' after another type in '" +
					                             words.spelling + " " + std::string(word) + "'");
				words.word = word;
			} else if (word == "struct" || word == "enum") {
				if (words.any())
					fail_at(location(token), "'" + std::string(word) + "' after another type");
				next();
				words.named = word == "struct" ? parse_struct(top_level) : parse_enum(top_level);
				append(words.spelling, words.named->spelling);
				continue;
			} else if (word == "union") {
				fail_at(location(token), "unions are not supported");
			} else if (!words.any() && owner_.typedefs_.count(std::string(word)) != 0) {
				words.named = owner_.typedefs_.at(std::string(word));
			} else {
				break;
			}
			append(words.spelling, word);
			next();
		}
		if (!words.any())
			fail(peek(), "a type");
		CType type = resolve(words, first);
		type.const_base = type.const_base || words.is_const;
		type.spelling = words.spelling;
		return type;
	}

	static void append(std::string &spelling, std::string_view word) {
		if (!spelling.empty())
			spelling += ' ';
		spelling += word;
	}

	// The one type the counted words name.
	CType resolve(const TypeWords &words, const Token &first) const {
		auto invalid = [&](const std::string &why) { fail_at(location(first), why); };
		if (words.signed_words && words.unsigned_words)
			invalid("'" + words.spelling + "' is both signed and unsigned");
		const bool is_unsigned = words.unsigned_words > 0;
		const bool sized =
		    words.signed_words || words.unsigned_words || words.shorts || words.longs || words.ints;
		if (words.named) {
			if (sized || words.word)
				invalid("'" + words.spelling + "' is not a type");
			return *words.named;
		}
		CType type;
		if (words.word) {
			const std::string_view word = *words.word;
			if (word == "double" && words.longs > 0)
				invalid("'long double' is not supported");
			if (word == "char") {
				if (words.shorts || words.longs || words.ints)
					invalid("'" + words.spelling + "' is not a type");
				type.base = is_unsigned ? Scalar::uint8 : Scalar::int8;
				type.plain_char = !words.signed_words && !words.unsigned_words;
				return type;
			}
			if (sized)
				invalid("'" + words.spelling + "' is not a type");
			type.base = word == "void"     ? Scalar::void_
			            : word == "float"  ? Scalar::float_
			            : word == "double" ? Scalar::double_
			                               : Scalar::bool_;
			return type;
		}
		if (words.shorts > 1 || words.longs > 2 || (words.shorts && words.longs) || words.ints > 1 ||
		    words.signed_words > 1 || words.unsigned_words > 1)
			invalid("'" + words.spelling + "' is not a type");
		if (words.shorts)
			type.base = is_unsigned ? Scalar::uint16 : Scalar::int16;
		else if (words.longs)
			type.base = is_unsigned ? Scalar::uint64 : Scalar::int64;
		else
			type.base = is_unsigned ? Scalar::uint32 : Scalar::int32;
		return type;
	}

	static constexpr const char *kAnonymous = "<anonymous>";

	// After `struct`: a name, a definition, or both.
	CType parse_struct(bool top_level) {
		CType type;
		const Token &name_token = peek();
		if (name_token.kind == TokenKind::identifier) {
			type.struct_name = std::string(name_token.text);
			next();
		}
		type.spelling = "struct " + type.struct_name;
		if (peek().is("{")) {
			if (!top_level)
				fail_at(location(peek()), "struct definitions belong at the top level of the header");
			StructDefinition definition;
			definition.name = type.struct_name.empty() ? kAnonymous : type.struct_name;
			definition.where = location(type.struct_name.empty() ? peek() : name_token);
			next();
			parse_fields(definition);
			if (type.struct_name.empty()) {
				type.struct_name = kAnonymous;
				anonymous_ = std::move(definition);
			} else {
				add_struct(std::move(definition));
			}
		} else if (type.struct_name.empty()) {
			fail(peek(), "a struct name or '{'");
		}
		return type;
	}

	// Enumerations are passed as int; a definition's enumerators are skipped.
	CType parse_enum(bool top_level) {
		CType type;
		type.base = Scalar::int32;
		type.spelling = "enum";
		if (peek().kind == TokenKind::identifier) {
			type.spelling += " " + std::string(peek().text);
			next();
		}
		if (peek().is("{")) {
			if (!top_level)
				fail_at(location(peek()), "enum definitions belong at the top level of the header");
			const Token &open = next();
			while (!accept("}")) {
				if (peek().kind == TokenKind::end)
					fail(peek(), "'}' closing the enum opened at line " + std::to_string(open.line));
				next();
			}
		}
		return type;
	}

	void parse_fields(StructDefinition &definition) {
		const Token &open = tokens_[pos_ - 1];
		while (!accept("}")) {
			if (peek().kind == TokenKind::end)
				fail(peek(), "'}' closing struct '" + definition.name + "' (opened at line " +
				                 std::to_string(open.line) + ")");
			const CType base = parse_specifiers(false);
			for (;;) {
				Declarator field = parse_declarator(base, true, false);
				if (field.is_function)
					fail_at(field.where, "a struct field cannot be a function; use a pointer to one");
				for (const Field &existing : definition.fields)
					if (existing.name == field.name)
						fail_at(field.where,
						        "struct '" + definition.name + "' has two fields named '" + field.name + "'");
				definition.fields.push_back(Field{field.name, field.type, field.where});
				if (accept(";"))
					break;
				if (!accept(","))
					fail(peek(), "';' or ','");
			}
		}
		if (definition.fields.empty())
			fail_at(location(open), "struct '" + definition.name + "' has no fields");
	}

	void add_struct(StructDefinition definition) {
		auto &structs = owner_.declarations_.structs;
		auto found = structs.find(definition.name);
		if (found == structs.end()) {
			structs.emplace(definition.name, std::move(definition));
			return;
		}
		if (!same_fields(found->second, definition))
			fail_at(definition.where, "struct '" + definition.name +
			                              "' is defined again differently (first at " +
			                              found->second.where.describe() + ")");
	}

	static bool same_fields(const StructDefinition &a, const StructDefinition &b) {
		if (a.fields.size() != b.fields.size())
			return false;
		for (std::size_t i = 0; i < a.fields.size(); ++i)
			if (a.fields[i].name != b.fields[i].name ||
			    canonical(a.fields[i].type) != canonical(b.fields[i].type))
				return false;
		return true;
	}

	// `typedef struct { ... } name;` names the anonymous struct after the typedef.
	void name_anonymous_struct(CType &type, const std::string &name) {
		if (type.struct_name != kAnonymous)
			return;
		type.struct_name = name;
		anonymous_->name = name;
		add_struct(std::move(*anonymous_));
		anonymous_.reset();
	}

	void parse_pointers(CType &type) {
		while (accept("*")) {
			++type.pointers;
			type.spelling += type.spelling.empty() || type.spelling.back() == '*' ? "*" : " *";
			while (peek().kind == TokenKind::identifier && is_qualifier(peek().text))
				next(); // `T *const p`: the pointer itself is const, which changes nothing for the call
		}
	}

	// Pointers, a name (required or optional), and a parameter list or array suffix.
	Declarator parse_declarator(CType type, bool name_required, bool in_parameters) {
		// Declarators nest through function-pointer parameters; bound the depth so hostile input
		// is an error, not a stack overflow.
		struct Nesting {
			int &depth;
			~Nesting() { --depth; }
		} nesting{++depth_};
		if (depth_ > kMaxNesting)
			fail_at(location(peek()),
			        "declarators nest more than " + std::to_string(kMaxNesting) + " levels deep");
		parse_pointers(type);
		Declarator declarator;
		declarator.where = location(peek());
		if (peek().is("(") && peek(1).is("*")) {
			next();
			next();
			int extra_pointers = 0;
			while (accept("*"))
				++extra_pointers;
			while (peek().kind == TokenKind::identifier && is_qualifier(peek().text))
				next();
			if (peek().kind == TokenKind::identifier) {
				declarator.where = location(peek());
				declarator.name = std::string(next().text);
			} else if (name_required) {
				fail(peek(), "a name");
			}
			expect(")");
			expect("(");
			auto prototype = std::make_shared<Prototype>(Prototype{type, parse_parameters()});
			declarator.type = pointer_to_function(std::move(prototype), extra_pointers);
			return declarator;
		}
		if (peek().kind == TokenKind::identifier && !is_asm_label(peek().text) &&
		    !peek().is("__attribute__")) {
			declarator.name = std::string(next().text);
		} else if (name_required) {
			fail(peek(), "a name");
		}
		while (skip_attribute()) {
		}
		if (accept("(")) {
			declarator.is_function = true;
			declarator.params = parse_parameters();
		} else if (in_parameters) {
			while (peek().is("[")) { // `T name[]` and `T name[N]` are pointers in a parameter list
				next();
				while (!accept("]")) {
					if (peek().kind == TokenKind::end)
						fail(peek(), "']'");
					next();
				}
				++type.pointers;
				type.spelling += " *";
			}
		} else if (peek().is("[")) {
			fail_at(location(peek()), "arrays are not supported here; use a pointer");
		}
		declarator.type = std::move(type);
		return declarator;
	}

	static CType pointer_to_function(std::shared_ptr<const Prototype> prototype, int extra_pointers) {
		CType type;
		std::string spelling = prototype->result.spelling + " (*)(";
		for (std::size_t i = 0; i < prototype->params.size(); ++i)
			spelling += (i ? ", " : "") + prototype->params[i].type.spelling;
		type.spelling = spelling + ")";
		if (extra_pointers > 0) { // a pointer to a function pointer: only an address
			type.base = Scalar::void_;
			type.pointers = 1 + extra_pointers;
			return type;
		}
		type.base = Scalar::void_;
		type.callback = std::move(prototype);
		return type;
	}

	// After '(': the parameters up to and including ')'.
	std::vector<Parameter> parse_parameters() {
		std::vector<Parameter> params;
		if (accept(")"))
			return params;
		if (peek().is("void") && peek(1).is(")")) {
			next();
			next();
			return params;
		}
		for (;;) {
			if (peek().is("..."))
				fail_at(location(peek()), "variadic functions ('...') are not supported");
			const Token &start = peek();
			const CType base = parse_specifiers(false);
			Declarator declarator = parse_declarator(base, false, true);
			if (declarator.is_function)
				fail_at(location(start), "a parameter cannot be a function; use a pointer to one");
			if (declarator.type.is_void())
				fail_at(location(start), "a parameter cannot have type void");
			std::string name =
			    declarator.name.empty() ? "arg" + std::to_string(params.size()) : std::move(declarator.name);
			params.push_back(Parameter{std::move(name), std::move(declarator.type), location(start)});
			if (accept(")"))
				return params;
			if (!accept(","))
				fail(peek(), "',' or ')'");
		}
	}

	DeclarationParser &owner_;
	std::shared_ptr<const std::string> file_;
	std::vector<Token> tokens_;
	std::size_t pos_ = 0;
	static constexpr int kMaxNesting = 32;
	TextKind kind_;
	bool defines_exported_ = false;             // source: the item being read defines a non-static function
	int depth_ = 0;                             // declarators being parsed, one inside the other
	std::optional<StructDefinition> anonymous_; // the last `struct { ... }`, until a typedef names it
};

DeclarationParser::DeclarationParser() {
	for (const auto &[name, scalar] :
	     std::initializer_list<std::pair<const char *, Scalar>>{{"int8_t", Scalar::int8},
	                                                            {"uint8_t", Scalar::uint8},
	                                                            {"int16_t", Scalar::int16},
	                                                            {"uint16_t", Scalar::uint16},
	                                                            {"int32_t", Scalar::int32},
	                                                            {"uint32_t", Scalar::uint32},
	                                                            {"int64_t", Scalar::int64},
	                                                            {"uint64_t", Scalar::uint64},
	                                                            {"size_t", Scalar::uint64},
	                                                            {"ssize_t", Scalar::int64},
	                                                            {"intptr_t", Scalar::int64},
	                                                            {"uintptr_t", Scalar::uint64},
	                                                            {"ptrdiff_t", Scalar::int64},
	                                                            {"off_t", Scalar::int64},
	                                                            {"intmax_t", Scalar::int64},
	                                                            {"uintmax_t", Scalar::uint64}})
		typedefs_.emplace(name, builtin(scalar, name));
}

bool defines_functions(std::string_view text) {
	std::vector<Token> tokens;
	try {
		tokens = tokenize(text, "");
	} catch (const LoadError &) {
		return false;
	}
	int depth = 0;
	for (std::size_t i = 0; i < tokens.size(); ++i) {
		const Token &token = tokens[i];
		if (token.is("{") && depth == 0 && i > 0 && tokens[i - 1].is(")"))
			return true;
		if (token.is("(") || token.is("[") || token.is("{"))
			++depth;
		else if (token.is(")") || token.is("]") || token.is("}"))
			--depth;
	}
	return false;
}

void DeclarationParser::parse(std::string_view text, const std::string &file, TextKind kind) {
	FileParser(*this, text, file, kind).run();
}

} // namespace c_loader
