double fabs(double x);
