#include "v8less.h"

#include <elf.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

namespace metacall_relink {
namespace {

constexpr const char *kNoteName = "NodeV8";
constexpr Elf64_Word kNoteType = 1;

bool read_at(std::ifstream &file, std::streamoff offset, void *into, size_t size) {
	file.seekg(offset);
	file.read(static_cast<char *>(into), static_cast<std::streamsize>(size));
	return static_cast<size_t>(file.gcount()) == size;
}

size_t align4(size_t size) {
	return (size + 3) & ~size_t{3};
}

// The description of the note kNoteName/kNoteType in a SHT_NOTE section's bytes, if there.
std::optional<std::string> find_note(const std::vector<char> &notes) {
	size_t at = 0;
	while (at + sizeof(Elf64_Nhdr) <= notes.size()) {
		Elf64_Nhdr header;
		std::memcpy(&header, notes.data() + at, sizeof header);
		const size_t name_at = at + sizeof header;
		const size_t desc_at = name_at + align4(header.n_namesz);
		const size_t next = desc_at + align4(header.n_descsz);
		if (next > notes.size())
			return std::nullopt;
		const std::string name(notes.data() + name_at, header.n_namesz > 0 ? header.n_namesz - 1 : 0);
		if (name == kNoteName && header.n_type == kNoteType)
			return std::string(notes.data() + desc_at, strnlen(notes.data() + desc_at, header.n_descsz));
		at = next;
	}
	return std::nullopt;
}

// "key=value" out of "a=1 key=value b=2".
std::string field(const std::string &text, const std::string &key) {
	const std::string prefix = key + "=";
	size_t at = 0;
	while (at < text.size()) {
		size_t end = text.find(' ', at);
		if (end == std::string::npos)
			end = text.size();
		if (text.compare(at, prefix.size(), prefix) == 0)
			return text.substr(at + prefix.size(), end - at - prefix.size());
		at = end + 1;
	}
	return "";
}

} // namespace

std::optional<V8lessAbi> read_v8less_abi(const std::string &path, std::string &error) {
	std::ifstream file(path, std::ios::binary);
	if (!file) {
		error = "cannot read " + path;
		return std::nullopt;
	}
	Elf64_Ehdr header;
	if (!read_at(file, 0, &header, sizeof header) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 ||
	    header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_shentsize != sizeof(Elf64_Shdr)) {
		error = path + " is not a 64-bit ELF file";
		return std::nullopt;
	}
	for (Elf64_Half i = 0; i < header.e_shnum; ++i) {
		Elf64_Shdr section;
		if (!read_at(file, static_cast<std::streamoff>(header.e_shoff + i * sizeof section), &section,
		             sizeof section))
			break;
		if (section.sh_type != SHT_NOTE || section.sh_size > (1u << 20))
			continue;
		std::vector<char> notes(section.sh_size);
		if (!read_at(file, static_cast<std::streamoff>(section.sh_offset), notes.data(), notes.size()))
			continue;
		if (std::optional<std::string> text = find_note(notes)) {
			V8lessAbi abi;
			abi.text = *text;
			abi.v8_version = field(*text, "v8");
			abi.promise_internal_fields = std::atoi(field(*text, "promise_internal_fields").c_str());
			if (abi.v8_version.empty()) {
				error = path + ": its V8 note names no version (\"" + abi.text + "\")";
				return std::nullopt;
			}
			return abi;
		}
	}
	error = path + " has no V8 note (.note.node.v8abi): it is not a libnode built without V8 by "
	               "patches/node-gyp";
	return std::nullopt;
}

} // namespace metacall_relink
