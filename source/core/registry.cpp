#include "registry.h"

#include "loader.h"

#include <algorithm>
#include <mutex>

namespace metacall_core {

bool Handle::add(std::shared_ptr<Function> function) {
	auto [it, inserted] = by_name.try_emplace(function->name(), function);
	if (inserted)
		functions.push_back(std::move(function));
	return inserted;
}

bool Handle::add(std::string object_name, std::shared_ptr<Object> object) {
	if (by_name.count(object_name) != 0)
		return false;
	auto [it, inserted] = objects_by_name.try_emplace(object_name, object);
	if (inserted)
		objects.emplace_back(std::move(object_name), std::move(object));
	return inserted;
}

std::shared_ptr<Object> Handle::find_object(std::string_view object_name) const {
	auto it = objects_by_name.find(object_name);
	return it != objects_by_name.end() ? it->second : nullptr;
}

std::shared_ptr<Function> Handle::find(std::string_view function_name) const {
	auto it = by_name.find(function_name);
	return it != by_name.end() ? it->second : nullptr;
}

Handle *Registry::add(std::unique_ptr<Handle> handle, std::string &error) {
	std::unique_lock lock(mutex_);
	if (handle->global) {
		// All or nothing: a clash leaves the global scope as it was.
		for (const auto &function : handle->functions) {
			if (global_objects_.count(function->name()) != 0) {
				error =
				    "'" + function->name() + "' is already defined in the global scope as a class or object";
				return nullptr;
			}
			auto it = global_.find(function->name());
			if (it == global_.end())
				continue;
			const Handle *owner = nullptr;
			for (const Handle *other : order_)
				if (other->global && other->find(function->name()) == it->second)
					owner = other;
			error = "function '" + function->name() + "' is already defined in the global scope" +
			        (owner != nullptr ? " by '" + owner->name + "' (" + owner->tag + ")" : std::string()) +
			        "; load with a handle to keep both";
			return nullptr;
		}
		for (const auto &[name, object] : handle->objects) {
			if (global_.count(name) == 0 && global_objects_.count(name) == 0)
				continue;
			const Handle *owner = nullptr;
			for (const Handle *other : order_)
				if (other->global && other->has(name))
					owner = other;
			error = "'" + name + "' is already defined in the global scope" +
			        (owner != nullptr ? " by '" + owner->name + "' (" + owner->tag + ")" : std::string()) +
			        "; load with a handle to keep both";
			return nullptr;
		}
		for (const auto &function : handle->functions)
			global_.emplace(function->name(), function);
		for (const auto &[name, object] : handle->objects)
			global_objects_.emplace(name, object);
	}
	Handle *live = handle.get();
	order_.push_back(live);
	live_.emplace(live, std::move(handle));
	return live;
}

bool Registry::add_host(std::shared_ptr<Function> function, bool named, const std::shared_ptr<Loader> &host,
                        std::string &error) {
	std::unique_lock lock(mutex_);
	if (!named) {
		anonymous_.push_back(std::move(function));
		return true;
	}
	if (global_.count(function->name()) != 0) {
		error = "function '" + function->name() + "' is already defined in the global scope";
		return false;
	}
	if (host_ == nullptr) {
		auto handle = std::make_unique<Handle>();
		handle->tag = handle->name = Loader::kHostTag;
		handle->loader = host;
		handle->global = true;
		host_ = handle.get();
		order_.push_back(host_);
		live_.emplace(host_, std::move(handle));
	}
	host_->add(function);
	global_.emplace(function->name(), std::move(function));
	return true;
}

bool Registry::add_to(void *handle, const HandleContents &contents, std::string &error) {
	std::unique_lock lock(mutex_);
	auto it = live_.find(handle);
	if (it == live_.end()) {
		error = "the handle is not live (cleared, or not a handle)";
		return false;
	}
	Handle &target = *it->second;
	std::vector<std::string> names;
	for (const auto &function : contents.functions)
		names.push_back(function->name());
	for (const auto &entry : contents.objects)
		names.push_back(entry.first);
	for (std::size_t i = 0; i < names.size(); ++i) {
		const bool taken = target.has(names[i]) ||
		                   std::find(names.begin(), names.begin() + i, names[i]) != names.begin() + i;
		if (taken || (target.global && (global_.count(names[i]) + global_objects_.count(names[i])) != 0)) {
			error = "'" + names[i] + "' is already defined in " +
			        (taken ? "the handle '" + target.name + "'" : std::string("the global scope"));
			return false;
		}
	}
	for (const auto &function : contents.functions) {
		target.add(function);
		if (target.global)
			global_.emplace(function->name(), function);
	}
	for (const auto &[name, object] : contents.objects) {
		target.add(name, object);
		if (target.global)
			global_objects_.emplace(name, object);
	}
	return true;
}

std::unique_ptr<Handle> Registry::remove(void *handle) {
	std::unique_lock lock(mutex_);
	auto it = live_.find(handle);
	if (it == live_.end())
		return nullptr;
	std::unique_ptr<Handle> taken = std::move(it->second);
	live_.erase(it);
	order_.erase(std::find(order_.begin(), order_.end(), taken.get()));
	if (taken.get() == host_)
		host_ = nullptr;
	for (const auto &function : taken->functions) {
		function->unload();
		if (taken->global)
			global_.erase(function->name());
	}
	if (taken->life != nullptr)
		taken->life->alive.store(false, std::memory_order_release);
	if (taken->global)
		for (const auto &entry : taken->objects)
			global_objects_.erase(entry.first);
	return taken;
}

std::vector<std::unique_ptr<Handle>> Registry::take_all() {
	std::vector<std::unique_ptr<Handle>> handles;
	std::vector<std::shared_ptr<Function>> anonymous;
	{
		std::unique_lock lock(mutex_);
		for (auto it = order_.rbegin(); it != order_.rend(); ++it)
			handles.push_back(std::move(live_.at(*it)));
		live_.clear();
		order_.clear();
		global_.clear();
		global_objects_.clear();
		host_ = nullptr;
		anonymous.swap(anonymous_);
	}
	for (const auto &handle : handles) {
		for (const auto &function : handle->functions)
			function->unload();
		if (handle->life != nullptr)
			handle->life->alive.store(false, std::memory_order_release);
	}
	for (const auto &function : anonymous)
		function->unload();
	return handles;
}

std::shared_ptr<Function> Registry::find(std::string_view name) const {
	std::shared_lock lock(mutex_);
	auto it = global_.find(name);
	return it != global_.end() ? it->second : nullptr;
}

std::shared_ptr<Function> Registry::find(void *handle, std::string_view name, bool &live) const {
	std::shared_lock lock(mutex_);
	auto it = live_.find(handle);
	live = it != live_.end();
	return live ? it->second->find(name) : nullptr;
}

Handle *Registry::find_handle(std::string_view tag, std::string_view name) const {
	std::shared_lock lock(mutex_);
	auto stem = [](std::string_view path) {
		auto slash = path.rfind('/');
		path = slash == std::string_view::npos ? path : path.substr(slash + 1);
		return path.substr(0, path.find('.'));
	};
	for (Handle *handle : order_)
		if (handle->tag == tag && handle->name == name)
			return handle;
	for (Handle *handle : order_)
		if (handle->tag == tag && stem(handle->name) == name)
			return handle;
	return nullptr;
}

std::string Registry::handle_with(std::string_view function_name) const {
	std::shared_lock lock(mutex_);
	for (const Handle *handle : order_)
		if (handle->find(function_name) != nullptr)
			return handle->name;
	return {};
}

bool Registry::functions(void *handle, std::vector<std::shared_ptr<Function>> &out) const {
	std::shared_lock lock(mutex_);
	auto it = live_.find(handle);
	if (it == live_.end())
		return false;
	out = it->second->functions;
	return true;
}

std::shared_ptr<Object> Registry::find_object(std::string_view name) const {
	std::shared_lock lock(mutex_);
	auto it = global_objects_.find(name);
	return it != global_objects_.end() ? it->second : nullptr;
}

std::shared_ptr<Object> Registry::find_object(void *handle, std::string_view name, bool &live) const {
	std::shared_lock lock(mutex_);
	auto it = live_.find(handle);
	live = it != live_.end();
	return live ? it->second->find_object(name) : nullptr;
}

bool Registry::contents(void *handle, HandleContents &out) const {
	std::shared_lock lock(mutex_);
	auto it = live_.find(handle);
	if (it == live_.end())
		return false;
	out.functions = it->second->functions;
	out.objects = it->second->objects;
	return true;
}

bool Registry::is_live(void *handle) const {
	std::shared_lock lock(mutex_);
	return live_.count(handle) != 0;
}

std::shared_ptr<HandleLife> Registry::life_of(void *handle) const {
	std::shared_lock lock(mutex_);
	auto found = live_.find(handle);
	return found != live_.end() ? found->second->life : nullptr;
}

} // namespace metacall_core
