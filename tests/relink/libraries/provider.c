/* The provider libraries A, B (and C, which lacks provider_counter): the same names, different
 * behaviour, so a test can tell which one a consumer reaches. PROVIDER_VALUE picks the build. */
int provider_value(void) {
	return PROVIDER_VALUE;
}

#ifndef PROVIDER_WITHOUT_COUNTER
int provider_counter = PROVIDER_VALUE * 100;
#endif

#ifdef PROVIDER_WITH_TLS
__thread int provider_tls = PROVIDER_VALUE;
#endif
