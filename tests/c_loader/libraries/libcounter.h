/* A header named lib<stem>.h: metacall_load_from_package("c", "libcounter.so") finds it. */
int counter_next(void);
