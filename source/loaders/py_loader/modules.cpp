#include "modules.h"

#include <algorithm>

namespace py_loader {

Module *Modules::add(std::unique_ptr<Module> module) {
	Module *raw = module.get();
	raw->order = ++added_;
	modules_.emplace(raw, std::move(module));
	return raw;
}

std::unique_ptr<Module> Modules::take(Module *module) {
	auto node = modules_.extract(module);
	return node.empty() ? nullptr : std::move(node.mapped());
}

std::vector<std::unique_ptr<Module>> Modules::take_all() {
	std::vector<std::unique_ptr<Module>> all;
	for (auto &entry : modules_)
		all.push_back(std::move(entry.second));
	modules_.clear();
	std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a->order > b->order; });
	return all;
}

bool Modules::is_loaded(PyObject *object) const {
	return std::any_of(modules_.begin(), modules_.end(), [&](const auto &entry) {
		const auto &parts = entry.second->parts;
		return std::any_of(parts.begin(), parts.end(),
		                   [&](const LoadedModule &part) { return part.module.get() == object; });
	});
}

} // namespace py_loader
