// Whether what came back from a loader is what was sent, up to the conversions the loader declares.
#ifndef CONFORMANCE_EQUIVALENCE_H
#define CONFORMANCE_EQUIVALENCE_H

#include "conformance_loader.h"

#include <gtest/gtest.h>

// `got` has the type loader.echo_type gives for `sent` and the same content: exactly when the type
// is kept, numerically when a number changed type. Arrays and maps are compared element by element
// (map entries by key, in any order); functions only by type (the caller calls them).
::testing::AssertionResult equivalent(void *sent, void *got, const ConformanceLoader &loader);

#endif
