#include "loader.h"

#include "error.h"
#include "log.h"
#include "runtime.h"

#include <filesystem>

namespace metacall_core {
namespace {

// Host functions are called directly by Function; the table only has to exist.
metacall_loader_interface host_table() {
	metacall_loader_interface table{};
	table.abi_version = METACALL_LOADER_ABI_VERSION;
	return table;
}
const metacall_loader_interface kHostTable = host_table();

} // namespace

Loader::Loader(std::string tag, const metacall_loader_interface *table)
    : tag_(std::move(tag)), table_(table) {}

std::shared_ptr<Loader> Loader::host() {
	auto loader = std::make_shared<Loader>(kHostTag, &kHostTable);
	loader->active_.store(true);
	return loader;
}

int Loader::start() {
	std::uint64_t before = error_generation();
	state_ = table_->initialize != nullptr ? table_->initialize(tag_.c_str()) : nullptr;
	if (state_ == nullptr) {
		std::string reason = error_generation() != before ? last_error_message() : "it gave no reason";
		set_errorf("LoaderError", "the '%s' loader failed to start: %s", tag_.c_str(), reason.c_str());
		return 1;
	}
	active_.store(true);
	log(LogLevel::info, "loader '%s' started", tag_.c_str());
	return 0;
}

void Loader::stop() {
	active_.store(false);
	if (state_ != nullptr && table_->destroy != nullptr)
		table_->destroy(state_);
	state_ = nullptr;
	log(LogLevel::info, "loader '%s' stopped", tag_.c_str());
}

int Loader::pump(int options) {
	const int result = table_->pump_ex != nullptr ? table_->pump_ex(state_, options) : table_->pump(state_);
	if (result == 0)
		pump_thread_.store(std::this_thread::get_id());
	return result;
}

int Loader::add_execution_path(const std::string &folder) {
	if (table_->execution_path == nullptr)
		return 1;
	const int result = table_->execution_path(state_, folder.c_str());
	if (result == 0) {
		std::error_code error;
		std::filesystem::path absolute = std::filesystem::absolute(folder, error);
		std::lock_guard lock(paths_mutex_);
		execution_paths_.push_back(
		    (error ? std::filesystem::path(folder) : absolute).lexically_normal().string());
	}
	return result;
}

std::vector<std::string> Loader::execution_paths() const {
	std::lock_guard lock(paths_mutex_);
	return execution_paths_;
}

void Loader::release(void *function) {
	if (table_->function_release == nullptr || !active_.load())
		return;
	// Inside a call scope, so metacall_destroy waits for it before stopping the loader.
	CallScope scope(nullptr);
	if (scope && active_.load())
		table_->function_release(state_, function);
}

} // namespace metacall_core
