# The shared test virtualenv (fixture "python_venv"): a venv made with the Python the py loader
# embeds, holding the pinned packages of python_venv_requirements.txt, installed with pip from
# PyPI. Tests that need it:
#   set_tests_properties(t PROPERTIES FIXTURES_REQUIRED python_venv
#     ENVIRONMENT "VIRTUAL_ENV=${METACALL_TEST_VENV};PATH=${METACALL_TEST_VENV}/bin:$ENV{PATH}")
# One venv per build tree; the setup test is quick when the venv's stamp already holds the pins.
# Under METACALL_SANITIZE a process that imports numpy needs PYTHONMALLOC=malloc (LeakSanitizer sees
# references from Python objects only in malloc'ed memory), and one started by `node --test` also
# LSAN_OPTIONS=use_tls=0 (see node_port.venv in tests/node_port/CMakeLists.txt).
if(NOT TARGET py_loader OR NOT Python3_EXECUTABLE)
  return()
endif()
set(METACALL_TEST_VENV ${CMAKE_BINARY_DIR}/python_venv)
add_test(NAME python_venv_setup
  COMMAND ${CMAKE_COMMAND} -DPYTHON=${Python3_EXECUTABLE} -DVENV=${METACALL_TEST_VENV}
    -DREQUIREMENTS=${CMAKE_CURRENT_LIST_DIR}/python_venv_requirements.txt
    -P ${CMAKE_CURRENT_LIST_DIR}/make_python_venv.cmake)
# pip and python are not the instrumented library: no sanitizer runtime, no leak checks.
set_tests_properties(python_venv_setup PROPERTIES
  FIXTURES_SETUP python_venv LABELS py TIMEOUT 300 ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
