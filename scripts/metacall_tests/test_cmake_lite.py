#!/usr/bin/env python3
"""Checks of cmake_lite.py on CMake written the way MetaCall's test folders write it.
Run: python3 scripts/metacall_tests/test_cmake_lite.py"""

import sys
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import os
import tempfile
import textwrap
import unittest

import cmake_lite

ON = {'OPTION_BUILD_LOADERS': 'ON', 'OPTION_BUILD_LOADERS_PY': 'ON', 'OPTION_BUILD_LOADERS_NODE': 'ON',
      'META_PROJECT_NAME': 'MetaCall', 'CMAKE_SOURCE_DIR': '/mc', 'LOADER_SCRIPT_PATH': '/work/scripts',
      'TESTS_ENVIRONMENT_VARIABLES': 'A=1;LOADER_LIBRARY_PATH=/lib', 'METACALL_TARGET_FILE': '/lib/libmetacall.so',
      'CMAKE_BINARY_DIR': '/work'}
TARGETS = {'py_loader', 'node_loader', 'MetaCall::metacall'}


def evaluate(cmake):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'CMakeLists.txt'), 'w') as f:
            f.write(textwrap.dedent(cmake))
        spec, _ = cmake_lite.evaluate(d, '/work/tests/x', ON, TARGETS)
        return spec


class Tokenizer(unittest.TestCase):
    def test_quoted_value_inside_an_unquoted_argument_stays_one_argument(self):
        (cmd,) = cmake_lite.tokenize('target_compile_definitions(t PRIVATE X="${A}/b c" Y)\n')
        self.assertEqual([a.text for a in cmd.args], ['t', 'PRIVATE', 'X="${A}/b c"', 'Y'])

    def test_comments_and_lines(self):
        cmds = cmake_lite.tokenize('# a comment\nset(A 1) # trailing\n\nmessage("x # not a comment")\n')
        self.assertEqual([(c.name, c.line) for c in cmds], [('set', 2), ('message', 4)])
        self.assertEqual(cmds[1].args[0].text, 'x # not a comment')

    def test_generator_expression_with_colons_is_one_argument(self):
        (cmd,) = cmake_lite.tokenize('add_test(NAME t COMMAND $<TARGET_FILE:t> --x)\n')
        self.assertEqual([a.text for a in cmd.args], ['NAME', 't', 'COMMAND', '$<TARGET_FILE:t>', '--x'])


class Evaluation(unittest.TestCase):
    def test_a_test_for_an_enabled_loader_is_built(self):
        spec = evaluate('''
            if(NOT OPTION_BUILD_LOADERS OR NOT OPTION_BUILD_LOADERS_PY)
              return()
            endif()
            set(target metacall-x-test)
            add_executable(${target} a/main.cpp a/x.cpp)
            target_compile_definitions(${target} PRIVATE P="${CMAKE_SOURCE_DIR}/source/ports/py_port")
            add_dependencies(${target} py_loader)
            test_environment_variables(${target} "" ${TESTS_ENVIRONMENT_VARIABLES} "B=${LOADER_SCRIPT_PATH}/r")
        ''')
        self.assertEqual(spec.skipped, '')
        self.assertEqual(spec.target, 'metacall-x-test')
        self.assertEqual(spec.sources, ['a/main.cpp', 'a/x.cpp'])
        self.assertEqual(spec.definitions, ['P="/mc/source/ports/py_port"'])
        self.assertEqual(spec.dependencies, ['py_loader'])
        self.assertEqual(spec.environment, ['A=1', 'LOADER_LIBRARY_PATH=/lib', 'B=/work/scripts/r'])

    def test_a_test_for_another_loader_names_what_it_needs(self):
        spec = evaluate('''
            if(NOT OPTION_BUILD_LOADERS OR NOT OPTION_BUILD_LOADERS_RB OR NOT OPTION_BUILD_LOADERS_PY)
              return()
            endif()
            add_executable(t main.cpp)
        ''')
        self.assertEqual(spec.skipped, 'needs LOADERS_RB')

    def test_else_branches_and_nested_conditions(self):
        spec = evaluate('''
            if(WIN32)
              set(V win)
            elseif(OPTION_BUILD_LOADERS_NODE AND (OPTION_BUILD_LOADERS_RB OR OPTION_BUILD_LOADERS_PY))
              set(V yes)
            else()
              set(V no)
            endif()
            add_executable(t main.cpp)
            target_compile_definitions(t PRIVATE V="${V}")
        ''')
        self.assertEqual(spec.definitions, ['V="yes"'])

    def test_list_remove_item_on_the_environment(self):
        spec = evaluate('''
            add_executable(t main.cpp)
            set(E ${TESTS_ENVIRONMENT_VARIABLES})
            list(REMOVE_ITEM E "LOADER_LIBRARY_PATH=/lib")
            test_environment_variables(t "" ${E})
        ''')
        self.assertEqual(spec.environment, ['A=1'])

    def test_add_test_working_directory_and_arguments(self):
        spec = evaluate('''
            add_executable(t main.cpp)
            add_test(NAME t COMMAND $<TARGET_FILE:t> --flag WORKING_DIRECTORY ${LOADER_SCRIPT_PATH}/ramda)
        ''')
        self.assertEqual(spec.test_args, ['--flag'])
        self.assertEqual(spec.working_dir, '/work/scripts/ramda')

    def test_internal_include_folders_are_reported_unresolved(self):
        spec = evaluate('''
            add_executable(t main.cpp)
            target_include_directories(t PRIVATE $<TARGET_PROPERTY:${META_PROJECT_NAME}::reflect,INCLUDE_DIRECTORIES>)
        ''')
        self.assertIn('$<TARGET_PROPERTY:MetaCall::reflect,INCLUDE_DIRECTORIES>', spec.unresolved)

    def test_unknown_commands_are_noted_not_guessed(self):
        spec = evaluate('''
            add_executable(t main.cpp)
            add_subdirectory(extra_target)
        ''')
        self.assertTrue(any('add_subdirectory' in n for n in spec.notes))


class Configure(unittest.TestCase):
    def test_at_only_leaves_dollar_braces(self):
        out = cmake_lite.configure_text('@A@ ${A}', {'A': 'x'}, 'at_only')
        self.assertEqual(out, 'x ${A}')

    def test_copy_only_is_verbatim(self):
        self.assertEqual(cmake_lite.configure_text('@A@', {'A': 'x'}, 'copy'), '@A@')

    def test_cmakedefine(self):
        out = cmake_lite.configure_text('#cmakedefine X 1\n#cmakedefine Y 1\n', {'X': 'ON'}, 'full')
        self.assertEqual(out, '#define X 1\n/* #undef Y */\n')


if __name__ == '__main__':
    unittest.main()
