// Host-V8 mode (mode 4 of the architecture note): Node from a libnode built without V8
// (patches/node-gyp), run on the V8 the process already has. Such a library records in an ELF
// note which V8 it was compiled for; it is read from the file, before anything is loaded, and
// checked against the V8 that the process runs.
#pragma once

#include <optional>
#include <string>

namespace metacall_relink {

struct V8lessAbi {
	std::string text;                // the whole note: "v8=10.2.154.26-node.37 pointer_compression=0 ..."
	std::string v8_version;          // "10.2.154.26-node.37": what v8::V8::GetVersion() must report
	int promise_internal_fields = 0; // V8_PROMISE_INTERNAL_FIELD_COUNT it was built with
};

// The note "NodeV8" (type 1) of the ELF file `path`. Nothing, with `error` naming the file and
// what is missing, when the file cannot be read, is not an ELF file or has no such note (a libnode
// with V8 inside, or another library).
std::optional<V8lessAbi> read_v8less_abi(const std::string &path, std::string &error);

} // namespace metacall_relink
