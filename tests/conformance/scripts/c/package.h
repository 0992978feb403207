/* The header beside libpackage.so: metacall_load_from_package("c", "libpackage.so") reads it. */
long from_package(long a, long b);
