/* A declaration error (the ';' after broken's declaration is missing): the load must fail and
 * name this file. */
/* clang-format off */
long fine(long x);
long broken(long a, long b)
long after(long x);
