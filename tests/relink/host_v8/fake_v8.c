/* A stand-in for the V8 of a host: the two functions the relink module asks a V8 (its version,
 * and whether it has a platform, that is, whether it was initialised).
 *   v8::V8::GetVersion()                    $FAKE_V8_VERSION, else "9.8.177.0-fake"
 *   v8::internal::V8::GetCurrentPlatform()  not null when built with FAKE_V8_STARTED=1 */
#include <stddef.h>
#include <stdlib.h>

const char *fake_v8_get_version(void) __asm__("_ZN2v82V810GetVersionEv");
void *fake_v8_current_platform(void) __asm__("_ZN2v88internal2V818GetCurrentPlatformEv");

const char *fake_v8_get_version(void) {
	const char *version = getenv("FAKE_V8_VERSION");
	return version != NULL ? version : "9.8.177.0-fake";
}

static int fake_platform;

void *fake_v8_current_platform(void) {
	return FAKE_V8_STARTED ? &fake_platform : NULL;
}
