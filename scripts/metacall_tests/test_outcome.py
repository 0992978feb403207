#!/usr/bin/env python3
"""Checks of outcome.py: how the harness reads a test's output and a compiler's errors.
Run: python3 scripts/metacall_tests/test_outcome.py"""

import sys
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import unittest


import outcome

NO_XML = '/nonexistent/gtest.xml'


class Summarize(unittest.TestCase):
    def test_a_signal_in_a_case_is_a_crash_in_that_case(self):
        out = '[==========] Running 1 test from 1 test suite.\n[ RUN      ] a.B\nsomething printed\n'
        status, reason = outcome.summarize(out, NO_XML, -11, False, 60)
        self.assertEqual(status, 'crashed')
        self.assertTrue(reason.startswith('SIGSEGV in a.B'), reason)
        self.assertIn('last output: something printed', reason)

    def test_a_timeout_names_where_it_hung(self):
        out = '[ RUN      ] a.B\n[       OK ] a.B (1 ms)\n'
        status, reason = outcome.summarize(out, NO_XML, -9, True, 60)
        self.assertEqual(status, 'timed out')
        self.assertIn('after the cases, at exit', reason)

    def test_failed_cases_are_counted_and_the_first_assertion_given(self):
        out = ('[==========] Running 2 tests from 1 test suite.\n[ RUN      ] a.B\n'
               '/src/x_test.cpp:12: Failure\nExpected equality of these values:\n  (int)0\n    Which is: 0\n'
               '  f()\n    Which is: 1\n[  FAILED  ] a.B (0 ms)\n[ RUN      ] a.C\n[       OK ] a.C (0 ms)\n')
        status, reason = outcome.summarize(out, NO_XML, 1, False, 60)
        self.assertEqual(status, 'failed 1 of 2')
        self.assertEqual(reason, 'x_test.cpp:12: (int)0 = 0 / f() = 1')

    def test_the_library_error_before_the_failure_is_attached(self):
        out = ('[ RUN      ] a.B\n[metacall_tests] metacallv("f") threw TypeError: early\n'
               '[metacall_tests] metacall_load_from_file("py", "x.py") failed: LoaderError: no x\n'
               '/src/x_test.cpp:3: Failure\nValue of: ok\n  Actual: false\nExpected: true\n'
               '[metacall_tests] metacallv("g") threw TypeError: later\n[  FAILED  ] a.B (0 ms)\n')
        status, reason = outcome.summarize(out, NO_XML, 1, False, 60)
        self.assertEqual(status, 'failed 1 of 1')
        self.assertIn('-- last library error before it: metacall_load_from_file("py", "x.py") failed', reason)
        self.assertNotIn('later', reason)

    def test_a_non_zero_exit_after_passing_cases_is_a_failure(self):
        out = '[==========] Running 1 test from 1 test suite.\n[ RUN      ] a.B\n[       OK ] a.B (0 ms)\n'
        status, reason = outcome.summarize(out, NO_XML, 3, False, 60)
        self.assertEqual(status, 'failed (exit 3)')

    def test_a_clean_run_passes(self):
        out = '[==========] Running 1 test from 1 test suite.\n[ RUN      ] a.B\n[       OK ] a.B (0 ms)\n'
        self.assertEqual(outcome.summarize(out, NO_XML, 0, False, 60), ('passed', ''))


class CompilerErrors(unittest.TestCase):
    def test_missing_names_headers_and_symbols(self):
        log = ("/t/a.cpp:3:10: fatal error: dynlink/dynlink.h: No such file or directory\n"
               "/t/a.cpp:9:5: error: 'metacall_flags' was not declared in this scope\n"
               "/t/a.cpp:10:19: error: 'map' is not a member of 'metacall'\n"
               "/usr/bin/ld: a.o: in function `f': a.cpp:(.text+0x1): undefined reference to `metacall_argc'\n")
        self.assertEqual(outcome.missing_names(log), [
            'name: metacall_flags', 'name: metacall::map', 'header: dynlink/dynlink.h', 'link: metacall_argc'])
        self.assertEqual(outcome.first_error(log), 'a.cpp:3:10: fatal error: dynlink/dynlink.h: No such file or directory')


if __name__ == '__main__':
    unittest.main()
