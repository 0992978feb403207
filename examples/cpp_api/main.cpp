// cpp_api_demo: a C++ program that embeds libmetacall through its C++ API, <metacall/metacall.hpp>.
//
// It registers C++ functions as host functions, calls them by name with C++ types, passes a
// lambda where a function value is expected, and catches an error raised by a called function.
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

} // namespace

int main() {
	try {
		metacall::runtime runtime; // metacall_initialize now, metacall_destroy at the end of the scope

		metacall::register_function("add", add);
		metacall::register_function("word_counts", word_counts);
		metacall::register_function("mean", mean);
		metacall::register_function("apply_twice", apply_twice);

		std::printf("add(2, 3) = %ld\n", metacall::call<long>("add", 2L, 3L));

		for (const auto &[word, count] :
		     metacall::call<std::map<std::string, long>>("word_counts", "to be or not to be"))
			std::printf("word_counts: %s x%ld\n", word.c_str(), count);

		std::printf("mean([1, 2, 4.5]) = %g\n",
		            metacall::call<double>("mean", std::vector<double>{1, 2, 4.5}));

		const long result = metacall::call<long>(
		    "apply_twice", [](long x) { return x * 10; }, 7L);
		std::printf("apply_twice(x * 10, 7) = %ld\n", result);

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
