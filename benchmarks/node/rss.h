// VmRSS of the calling process, in kB (from /proc/self/status), or -1.
#ifndef BENCHMARKS_NODE_RSS_H
#define BENCHMARKS_NODE_RSS_H

#include <cstdio>
#include <cstring>

namespace node_benchmark {

inline long resident_kb() {
	std::FILE *status = std::fopen("/proc/self/status", "r");
	if (status == nullptr)
		return -1;
	char line[256];
	long kb = -1;
	while (std::fgets(line, sizeof line, status) != nullptr)
		if (std::strncmp(line, "VmRSS:", 6) == 0) {
			std::sscanf(line + 6, "%ld", &kb);
			break;
		}
	std::fclose(status);
	return kb;
}

} // namespace node_benchmark

#endif
