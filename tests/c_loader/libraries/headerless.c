/* A library with no header beside it: loading it as a package must fail naming the paths tried. */
int headerless(void);

int headerless(void) {
	return 1;
}
