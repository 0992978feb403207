/* The declaration the c loader needs beside libm.so.6. */
double cos(double x);
