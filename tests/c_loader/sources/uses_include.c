/* Includes a header found only through an execution path (the test writes it). */
#include "answer_constant.h"

int the_answer(void) {
	return ANSWER_CONSTANT;
}
