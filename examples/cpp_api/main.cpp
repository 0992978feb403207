// cpp_api_demo: a C++ program that embeds libmetacall through its C++ API, <metacall/metacall.hpp>.
//
// It registers C++ functions as host functions, calls them by name with C++ types, passes a
// lambda where a function value is expected, passes a struct of its own as a map (two small
// functions beside the struct say how), and catches an error raised by a called function.
// The same calls reach functions of scripts loaded with metacall::handle.
#include <metacall/metacall.hpp>

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// ---- Host functions: plain C++; parameter and result types come from the signatures ----

long add(long a, long b) {
	return a + b;
}

// Word counts of a text: a std::map arrives in every language as a map.
std::map<std::string, long> word_counts(const std::string &text) {
	std::map<std::string, long> counts;
	std::string word;
	for (char c : text + ' ') {
		if (c != ' ') {
			word += c;
		} else if (!word.empty()) {
			++counts[word];
			word.clear();
		}
	}
	return counts;
}

double mean(const std::vector<double> &numbers) {
	if (numbers.empty())
		throw std::invalid_argument("mean of no numbers"); // arrives as an error value, never as a crash
	double sum = 0;
	for (double x : numbers)
		sum += x;
	return sum / static_cast<double>(numbers.size());
}

// Takes a callback: any function value, from any language (here a C++ lambda).
long apply_twice(const metacall::function &f, long x) {
	return f.call<long>(f.call<long>(x));
}

// ---- A type of the host: a map in every language ----

struct item {
	std::string name;
	long quantity = 0;
	double price = 0;
};

// Found by argument-dependent lookup (declared beside item): they make item a map of its fields
// for arguments, results and containers alike. A missing or mistyped field is a type_error naming it.
void to_metacall(metacall::map_builder &m, const item &i) {
	m.field("name", i.name).field("quantity", i.quantity).field("price", i.price);
}
void from_metacall(const metacall::map_reader &m, item &i) {
	m.field("name", i.name).field("quantity", i.quantity).field("price", i.price);
}

double total(const std::vector<item> &cart) {
	double sum = 0;
	for (const item &i : cart)
		sum += static_cast<double>(i.quantity) * i.price;
	return sum;
}

item restock(item i, long more) {
	i.quantity += more;
	return i;
}

} // namespace

int main() {
	try {
		metacall::runtime runtime; // metacall_initialize now, metacall_destroy at the end of the scope

		metacall::register_function("add", add);
		metacall::register_function("word_counts", word_counts);
		metacall::register_function("mean", mean);
		metacall::register_function("apply_twice", apply_twice);
		metacall::register_function("total", total);
		metacall::register_function("restock", restock);

		std::printf("add(2, 3) = %ld\n", metacall::call<long>("add", 2L, 3L));

		for (const auto &[word, count] :
		     metacall::call<std::map<std::string, long>>("word_counts", "to be or not to be"))
			std::printf("word_counts: %s x%ld\n", word.c_str(), count);

		std::printf("mean([1, 2, 4.5]) = %g\n",
		            metacall::call<double>("mean", std::vector<double>{1, 2, 4.5}));

		const long result = metacall::call<long>(
		    "apply_twice", [](long x) { return x * 10; }, 7L);
		std::printf("apply_twice(x * 10, 7) = %ld\n", result);

		const std::vector<item> cart{{"pen", 3, 1.25}, {"ink", 1, 4}};
		std::printf("total(pen x3 at 1.25, ink x1 at 4) = %g\n", metacall::call<double>("total", cart));
		const item pens = metacall::call<item>("restock", cart[0], 2L);
		std::printf("restock(pen x3, 2) = %s x%ld\n", pens.name.c_str(), pens.quantity);

		try {
			metacall::call<double>("mean", std::vector<double>{});
		} catch (const metacall::exception &e) { // raised by the called function
			std::printf("mean([]) raised %s: %s\n", e.label().c_str(), e.what());
		}

		try {
			metacall::call<long>("subtract", 1L, 2L);
		} catch (const metacall::error &e) { // the call could not be made at all
			std::printf("subtract: %s: %s\n", e.label().c_str(), e.what());
		}
	} catch (const metacall::error &e) {
		std::fprintf(stderr, "cpp_api_demo: %s: %s\n", e.label().c_str(), e.what());
		return 1;
	}
	return 0;
}
