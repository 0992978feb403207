/* Imports a thread-local variable: TLS relocations, which the binder refuses to rewrite. */
extern __thread int provider_tls;

int tls_consumer_read(void) {
	return provider_tls;
}
