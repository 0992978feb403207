/* The function the C loader benchmark calls (libc_benchmark_add.so). */
int add(int a, int b);
