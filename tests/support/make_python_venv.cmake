# Creates or refreshes the test virtualenv (cmake -P; see python_venv.cmake):
#   -DPYTHON=<interpreter> -DVENV=<venv directory> -DREQUIREMENTS=<pinned requirements file>
# Idempotent: when VENV/metacall-stamp.txt equals the interpreter's version plus the
# requirements, nothing runs. A lock keeps two ctest runs of one build tree from racing.
cmake_minimum_required(VERSION 3.20)
foreach(_arg PYTHON VENV REQUIREMENTS)
  if(NOT ${_arg})
    message(FATAL_ERROR "make_python_venv.cmake: -D${_arg}=... is required")
  endif()
endforeach()

execute_process(COMMAND ${PYTHON} -c "import platform; print(platform.python_version())"
  OUTPUT_VARIABLE _version OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "python_venv: ${PYTHON} does not run (${_rc})")
endif()
file(READ ${REQUIREMENTS} _requirements)
set(_expected "python ${_version}\n${_requirements}")
set(_stamp ${VENV}/metacall-stamp.txt)

get_filename_component(_parent ${VENV} DIRECTORY)
file(MAKE_DIRECTORY ${_parent})
file(LOCK ${VENV}.lock GUARD PROCESS TIMEOUT 300 RESULT_VARIABLE _locked)
if(NOT _locked EQUAL 0)
  message(FATAL_ERROR "python_venv: cannot lock ${VENV}.lock: ${_locked}")
endif()

if(EXISTS ${_stamp} AND EXISTS ${VENV}/bin/python)
  file(READ ${_stamp} _found)
  if(_found STREQUAL _expected)
    message(STATUS "python_venv: ${VENV} is up to date (Python ${_version})")
    return()
  endif()
endif()
file(REMOVE ${_stamp})

# A venv of another interpreter version is remade from scratch; otherwise pip moves the pins.
set(_clear "")
if(EXISTS ${VENV}/pyvenv.cfg)
  file(STRINGS ${VENV}/pyvenv.cfg _cfg_version REGEX "^version *=")
  if(NOT _cfg_version MATCHES "= *${_version}$")
    set(_clear --clear)
  endif()
endif()
if(_clear OR NOT EXISTS ${VENV}/bin/python)
  message(STATUS "python_venv: creating ${VENV} with ${PYTHON} (Python ${_version})")
  execute_process(COMMAND ${PYTHON} -m venv ${_clear} ${VENV} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "python_venv: '${PYTHON} -m venv ${VENV}' failed (${_rc})")
  endif()
endif()

message(STATUS "python_venv: installing the pins of ${REQUIREMENTS}")
execute_process(COMMAND ${VENV}/bin/python -m pip install --no-input --disable-pip-version-check
    --only-binary=:all: -r ${REQUIREMENTS}
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "python_venv: pip install -r ${REQUIREMENTS} into ${VENV} failed (${_rc})")
endif()
execute_process(COMMAND ${VENV}/bin/python -c "import numpy, pandas" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "python_venv: numpy and pandas do not import in ${VENV} (${_rc})")
endif()
file(WRITE ${_stamp} "${_expected}")
message(STATUS "python_venv: ${VENV} ready (Python ${_version})")
