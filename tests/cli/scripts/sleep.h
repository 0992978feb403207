/* libc's sleep, bound to the process's own libc (a header without a library): a call no runtime
   can stop, for the Ctrl-C tests. */
unsigned int sleep(unsigned int seconds);
