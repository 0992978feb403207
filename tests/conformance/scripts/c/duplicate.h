/* Defines add again: the global scope must refuse it, a handle must accept it. */
long add(long a, long b);
double only_in_duplicate(double x);
