#include "grant.h"

#include <metacall/metacall.h>

#include <memory>
#include <stdexcept>

namespace wasm_loader {
namespace {

[[noreturn]] void refuse(const std::string &key, const std::string &why) {
	throw std::runtime_error("wasm loader: load option '" + key + "': " + why);
}

std::string text(void *value, const std::string &key) {
	if (value == nullptr || metacall_value_id(value) != METACALL_STRING)
		refuse(key, "expected a String");
	return std::string(metacall_value_to_string(value), metacall_value_size(value) - 1);
}

bool truth(void *value, const std::string &key) {
	if (value == nullptr || metacall_value_id(value) != METACALL_BOOL)
		refuse(key, "expected a Boolean");
	return metacall_value_to_bool(value) != 0;
}

std::int64_t count(void *value, const std::string &key) {
	const enum metacall_value_id id = value != nullptr ? metacall_value_id(value) : METACALL_INVALID;
	double number = 0;
	if (id == METACALL_INT)
		number = metacall_value_to_int(value);
	else if (id == METACALL_LONG)
		number = static_cast<double>(metacall_value_to_long(value));
	else if (id == METACALL_DOUBLE)
		number = metacall_value_to_double(value);
	else
		refuse(key, "expected a number");
	if (number < 0 || number != static_cast<double>(static_cast<std::int64_t>(number)))
		refuse(key, "expected a whole number >= 0");
	return static_cast<std::int64_t>(number);
}

// Calls visit(key, value) for each entry of the Map `map`.
template <typename Visit>
void each_entry(void *map, const std::string &what, Visit visit) {
	if (metacall_value_id(map) != METACALL_MAP)
		refuse(what, "expected a Map");
	void **tuples = metacall_value_to_map(map);
	for (size_t i = 0; i < metacall_value_count(map); ++i) {
		void **pair = metacall_value_to_array(tuples[i]);
		visit(text(pair[0], what + " key"), pair[1]);
	}
}

Stream stream(void *value, const std::string &key) {
	Stream result;
	if (value != nullptr && metacall_value_id(value) == METACALL_MAP) {
		each_entry(value, key, [&](const std::string &name, void *v) {
			if (name != "file")
				refuse(key, "unknown key '" + name + "' (expected {\"file\": path})");
			result.mode = "file";
			result.file = text(v, key + ".file");
		});
		if (result.mode != "file")
			refuse(key, "expected {\"file\": path}");
		return result;
	}
	result.mode = text(value, key);
	if (result.mode != "closed" && result.mode != "inherit")
		refuse(key, "expected \"closed\", \"inherit\" or {\"file\": path}, got \"" + result.mode + "\"");
	return result;
}

} // namespace

Grant grant_from(void *options) {
	Grant grant;
	if (options == nullptr)
		return grant;
	each_entry(options, "options", [&](const std::string &key, void *value) {
		if (key == "dirs") {
			if (metacall_value_id(value) != METACALL_ARRAY)
				refuse(key, "expected an Array of {\"host\", \"guest\", \"write\"} Maps");
			void **dirs = metacall_value_to_array(value);
			for (size_t i = 0; i < metacall_value_count(value); ++i) {
				Preopen dir;
				const std::string where = "dirs[" + std::to_string(i) + "]";
				each_entry(dirs[i], where, [&](const std::string &name, void *v) {
					if (name == "host")
						dir.host = text(v, where + ".host");
					else if (name == "guest")
						dir.guest = text(v, where + ".guest");
					else if (name == "write")
						dir.write = truth(v, where + ".write");
					else
						refuse(where, "unknown key '" + name + "' (host, guest, write)");
				});
				if (dir.host.empty())
					refuse(where, "no 'host' folder");
				if (dir.guest.empty())
					dir.guest = dir.host;
				grant.dirs.push_back(std::move(dir));
			}
		} else if (key == "env") {
			each_entry(value, key, [&](const std::string &name, void *v) {
				grant.env.emplace_back(name, text(v, "env." + name));
			});
		} else if (key == "args") {
			if (metacall_value_id(value) != METACALL_ARRAY)
				refuse(key, "expected an Array of Strings");
			void **args = metacall_value_to_array(value);
			for (size_t i = 0; i < metacall_value_count(value); ++i)
				grant.args.push_back(text(args[i], "args[" + std::to_string(i) + "]"));
		} else if (key == "stdin") {
			grant.in = stream(value, key);
		} else if (key == "stdout") {
			grant.out = stream(value, key);
		} else if (key == "stderr") {
			grant.err = stream(value, key);
		} else if (key == "fuel") {
			grant.fuel = static_cast<std::uint64_t>(count(value, key));
		} else if (key == "memory") {
			grant.memory = count(value, key);
		} else {
			refuse(key, "unknown option (dirs, env, args, stdin, stdout, stderr, fuel, memory)");
		}
	});
	return grant;
}

wasi_config_t *wasi_config_of(const Grant &grant) {
	std::unique_ptr<wasi_config_t, void (*)(wasi_config_t *)> config(wasi_config_new(), wasi_config_delete);
	std::vector<const char *> argv;
	for (const std::string &arg : grant.args)
		argv.push_back(arg.c_str());
	if (!argv.empty() && !wasi_config_set_argv(config.get(), argv.size(), argv.data()))
		throw std::runtime_error("wasm loader: the arguments cannot be given to WASI");
	std::vector<const char *> names, values;
	for (const auto &[name, value] : grant.env) {
		names.push_back(name.c_str());
		values.push_back(value.c_str());
	}
	if (!names.empty() && !wasi_config_set_env(config.get(), names.size(), names.data(), values.data()))
		throw std::runtime_error("wasm loader: the environment cannot be given to WASI");
	if (grant.in.mode == "inherit")
		wasi_config_inherit_stdin(config.get());
	else if (grant.in.mode == "file" && !wasi_config_set_stdin_file(config.get(), grant.in.file.c_str()))
		throw std::runtime_error("wasm loader: load option 'stdin': cannot open '" + grant.in.file + "'");
	if (grant.out.mode == "inherit")
		wasi_config_inherit_stdout(config.get());
	else if (grant.out.mode == "file" && !wasi_config_set_stdout_file(config.get(), grant.out.file.c_str()))
		throw std::runtime_error("wasm loader: load option 'stdout': cannot create '" + grant.out.file + "'");
	if (grant.err.mode == "inherit")
		wasi_config_inherit_stderr(config.get());
	else if (grant.err.mode == "file" && !wasi_config_set_stderr_file(config.get(), grant.err.file.c_str()))
		throw std::runtime_error("wasm loader: load option 'stderr': cannot create '" + grant.err.file + "'");
	for (const Preopen &dir : grant.dirs) {
		const wasi_dir_perms dir_perms =
		    WASMTIME_WASI_DIR_PERMS_READ | (dir.write ? WASMTIME_WASI_DIR_PERMS_WRITE : 0);
		const wasi_file_perms file_perms =
		    WASMTIME_WASI_FILE_PERMS_READ | (dir.write ? WASMTIME_WASI_FILE_PERMS_WRITE : 0);
		if (!wasi_config_preopen_dir(config.get(), dir.host.c_str(), dir.guest.c_str(), dir_perms,
		                             file_perms))
			throw std::runtime_error("wasm loader: load option 'dirs': cannot open the folder '" + dir.host +
			                         "'");
	}
	return config.release();
}

} // namespace wasm_loader
