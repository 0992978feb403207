# Run by python3 with libmetacall's path: loads it with ctypes, prints as one JSON line its relink
# report and what this interpreter knows of itself.
import ctypes
import json
import os
import sys

lib = ctypes.CDLL(sys.argv[1])
lib.metacall_relink_report.restype = ctypes.c_void_p
lib.metacall_relink_report.argtypes = [ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p]
size = ctypes.c_size_t(0)
text = lib.metacall_relink_report(ctypes.byref(size), None)
if not text:
    sys.exit("metacall_relink_report returned NULL")
report = json.loads(ctypes.string_at(text, size.value - 1).decode())
ctypes.CDLL(None).free(ctypes.c_void_p(text))
print(json.dumps({"report": report, "version": sys.version,
                  "executable": os.path.realpath(sys.executable)}))
