// Must not compile: the C header, included first, declares the function metacall(), whose name
// the C++ header's namespace needs. The build stops with the #error of metacall.hpp.
#include <metacall/metacall.h>

#include <metacall/metacall.hpp>
