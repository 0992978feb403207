/* The conformance suite's main library (libmain.so) as C declares it: the header beside it. */
#ifndef CONFORMANCE_C_MAIN_H
#define CONFORMANCE_C_MAIN_H

long add(long a, long b);

/* C's echo has one type: a double carries every number (the descriptor's echo_type says so). */
double echo(double x);

/* C has no exceptions: fail reports failure the C way, by returning -1. The suite's exception
 * cases cannot apply to C (see descriptors/c.cpp). */
int fail(const char *message);

/* f is a function value made into a C function pointer for the duration of the call. */
long call(long (*f)(long), long x);

void nothing(void);

#endif
