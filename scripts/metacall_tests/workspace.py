"""The work folder of the harness (harness.py): MetaCall's variables as its CMake sees them, a
copy of our build's libraries, and the tree MetaCall's tests expect around them (the scripts
folder, configurations/, the stand-in metacall_loaders.h, a venv, the diagnostic shim)."""

import fcntl
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import time

import cmake_lite
from outcome import C_LOCALE, first_error

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# What libmetacall has, in MetaCall's option names: these loaders, scripts and ports are "ON".
ENABLED_OPTIONS = [
    'OPTION_BUILD_LOADERS', 'OPTION_BUILD_LOADERS_PY', 'OPTION_BUILD_LOADERS_NODE', 'OPTION_BUILD_LOADERS_C',
    'OPTION_BUILD_SCRIPTS', 'OPTION_BUILD_SCRIPTS_PY', 'OPTION_BUILD_SCRIPTS_NODE', 'OPTION_BUILD_SCRIPTS_C',
    'OPTION_BUILD_PORTS', 'OPTION_BUILD_PORTS_PY', 'OPTION_BUILD_PORTS_NODE',
]
# MetaCall targets we stand for (add_dependencies on anything else means another loader or plugin).
AVAILABLE_TARGETS = {'metacall', 'MetaCall::metacall', 'py_loader', 'node_loader', 'c_loader',
                     'node_port', 'py_port', 'loadtest', 'GTest'}
def log(msg):
    print(msg, file=sys.stderr, flush=True)


class Paths:
    def __init__(self, metacall, build, work):
        self.mc = metacall
        self.build = build
        self.work = work
        self.scripts = os.path.join(work, 'scripts')
        self.configurations = os.path.join(work, 'configurations')
        self.include = os.path.join(work, 'source', 'include')  # MetaCall's ${PROJECT_BINARY_DIR}/source/include
        # A copy of <build>/lib taken under the build lock (snapshot_libraries): others relinking
        # libmetacall during a run would otherwise make tests fail with "file too short".
        self.lib = os.path.join(work, 'lib')
        self.plugins = os.path.join(work, 'lib', 'metacall')
        self.node_port = os.path.join(build, 'source', 'ports', 'node_port', 'index.js')
        self.py_port = os.path.join(build, 'source', 'ports', 'py_port', 'package')

    def rewrite(self, text):
        """MetaCall's paths to its own ports and headers, pointed at ours."""
        text = text.replace(os.path.join(self.mc, 'source/ports/node_port/index.js'), self.node_port)
        text = re.sub(re.escape(os.path.join(self.mc, 'source/ports/py_port')) + r'(?=$|["\'/]?$|["\'])',
                      self.py_port, text)
        text = text.replace(os.path.join(self.mc, 'source/metacall/include'), os.path.join(REPO, 'include'))
        text = text.replace(os.path.join(self.work, 'source/metacall/include'), os.path.join(self.build, 'include'))
        return text


def python_library():
    try:
        out = subprocess.run(['/usr/bin/python3', '-c',
                              'import sysconfig,os;print(os.path.join(sysconfig.get_config_var("LIBDIR"),'
                              'sysconfig.get_config_var("INSTSONAME")))'],
                             capture_output=True, text=True, timeout=30)
        return out.stdout.strip()
    except OSError:
        return ''


def variables(p):
    """MetaCall's CMake variables as its build of these tests would see them."""
    loader_env = [f'LOADER_LIBRARY_PATH={p.plugins}', f'LOADER_SCRIPT_PATH={p.scripts}']
    config_env = [f'CONFIGURATION_PATH={p.configurations}/global.json']
    serial_env = [f'SERIAL_LIBRARY_PATH={p.lib}']
    detour_env = [f'DETOUR_LIBRARY_PATH={p.lib}']
    v = {
        'CMAKE_SOURCE_DIR': p.mc, 'PROJECT_SOURCE_DIR': p.mc,
        'CMAKE_BINARY_DIR': p.work, 'PROJECT_BINARY_DIR': p.work,
        'PROJECT_OUTPUT_DIR': p.work, 'OUTPUT_DIRECTORY_DIR': p.lib,
        'LOADER_SCRIPT_PATH': p.scripts, 'LOADER_LIBRARY_PATH': p.plugins,
        'CONFIGURATION_DIR': p.configurations, 'CONFIGURATION_PATH': f'{p.configurations}/global.json',
        'SERIAL_LIBRARY_PATH': p.lib, 'DETOUR_LIBRARY_PATH': p.lib,
        'TESTS_LOADER_ENVIRONMENT_VARIABLES': ';'.join(loader_env),
        'TESTS_CONFIGURATION_ENVIRONMENT_VARIABLES': ';'.join(config_env),
        'TESTS_SERIAL_ENVIRONMENT_VARIABLES': ';'.join(serial_env),
        'TESTS_DETOUR_ENVIRONMENT_VARIABLES': ';'.join(detour_env),
        'TESTS_ENVIRONMENT_VARIABLES': ';'.join(loader_env + config_env + serial_env + detour_env),
        'TESTS_SANITIZER_ENVIRONMENT_VARIABLES': '', 'TESTS_MEMCHECK_ENVIRONMENT_VARIABLES': '',
        'PY_DEBUG_ENVIRONMENT_VARIABLES': '',
        'DEFAULT_COMPILE_DEFINITIONS': 'LOG_POLICY_FORMAT_PRETTY=0;REFLECT_MEMORY_TRACKER=0;SYSTEM_LINUX;NDEBUG',
        'DEFAULT_INCLUDE_DIRECTORIES': '', 'DEFAULT_LIBRARIES': '', 'DEFAULT_COMPILE_OPTIONS': '',
        'DEFAULT_LINKER_OPTIONS': '', 'DEFAULT_PROJECT_OPTIONS': '', 'IDE_FOLDER': '',
        'META_PROJECT_NAME': 'MetaCall', 'META_PROJECT_NAME_LOWER': 'metacall',
        'UNIX': '1', 'CMAKE_BUILD_TYPE': 'RelWithDebInfo', 'CMAKE_SYSTEM_NAME': 'Linux',
        'CMAKE_HOST_PATH_SEPARATOR': ':', 'CMAKE_SHARED_LIBRARY_PREFIX': 'lib',
        'CMAKE_SHARED_LIBRARY_SUFFIX': '.so', 'CMAKE_COMMAND': 'cmake',
        'METACALL_TARGET_FILE': os.path.join(p.lib, 'libmetacall.so'),
        'Python3_LIBRARY_NAME_PATH': python_library(),
    }
    for o in ENABLED_OPTIONS:
        v[o] = 'ON'
    # find_package() results the tests read (cmake_lite looks these up).
    ffi_h = [d for d in ('/usr/include', '/usr/include/x86_64-linux-gnu', '/usr/local/include')
             if os.path.exists(os.path.join(d, 'ffi.h'))]
    ffi_so = [os.path.join(d, 'libffi.so') for d in ('/usr/lib/x86_64-linux-gnu', '/usr/lib', '/usr/local/lib')
              if os.path.exists(os.path.join(d, 'libffi.so'))]
    if ffi_h and ffi_so:
        v['FIND_PACKAGE_LibFFI'] = {'LIBFFI_FOUND': 'TRUE', 'LIBFFI_INCLUDE_DIR': ffi_h[0], 'LIBFFI_LIBRARY': ffi_so[0]}
    v['FIND_PACKAGE_Python3'] = {'Python3_FOUND': 'TRUE', 'Python3_LIBRARIES': v['Python3_LIBRARY_NAME_PATH']}
    return v


# Definitions that name a folder of MetaCall's build whose counterpart here is not the same variable.
# -- the shared tree: scripts, configurations, the stand-in header --------------------------------

BUILD_LOCK = '/tmp/metacall-build.lock'  # the lock every build of the shared build trees takes


def elf_complete(path):
    """True when an ELF file is whole: its section header table lies inside the file (a file
    being linked is empty or shorter)."""
    import struct
    try:
        size = os.path.getsize(path)
        with open(path, 'rb') as f:
            head = f.read(64)
        if len(head) < 64 or head[:4] != b'\x7fELF' or head[4] != 2:
            return False
        shoff, = struct.unpack_from('<Q', head, 0x28)
        shentsize, shnum = struct.unpack_from('<HH', head, 0x3A)
        return shoff + shentsize * shnum <= size
    except OSError:
        return False


def snapshot_libraries(p):
    """Copies <build>/lib (libmetacall.so and the loader plug-ins beside it) into the work folder,
    so a run uses one build even if someone relinks during it. Under the build lock when it is
    free within a minute; else (the lock is shared by every build tree, and ASan builds hold it
    long) a copy checked afterwards: every library whole and unchanged while copied."""
    src = os.path.join(p.build, 'lib')
    lib = os.path.join(src, 'libmetacall.so')

    def copy():
        if os.path.isdir(p.lib):
            shutil.rmtree(p.lib)
        shutil.copytree(src, p.lib, symlinks=True)

    def consistent():
        for dirpath, _, files in os.walk(src):
            for fn in files:
                a = os.path.join(dirpath, fn)
                b = os.path.join(p.lib, os.path.relpath(a, src))
                if not os.path.exists(b) or os.path.getsize(a) != os.path.getsize(b) or \
                        os.path.getmtime(a) != os.path.getmtime(b):
                    return False
                if '.so' in fn and not elf_complete(b):
                    return False
        return True

    if not os.path.exists(lib):
        sys.exit(f'{lib} is missing: build libmetacall and its loaders first '
                 f'(flock {BUILD_LOCK} cmake --build {p.build} --target metacall py_loader node_loader c_loader)')
    with open(BUILD_LOCK, 'a') as lock:
        deadline = time.monotonic() + 60
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    lock = None
                    break
                time.sleep(2)
        if lock is not None:
            try:
                copy()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
            if consistent():
                return
    for attempt in range(30):
        copy()
        if consistent():
            log('harness: copied the libraries without the build lock (busy); they are whole')
            return
        time.sleep(10)
    sys.exit(f'could not copy a consistent {src} (something keeps relinking it): retry later')


def prepare_shared(p, notes):
    os.makedirs(p.scripts, exist_ok=True)
    os.makedirs(os.path.join(p.include, 'metacall'), exist_ok=True)
    shutil.copy(os.path.join(HERE, 'metacall', 'metacall_loaders.h'), os.path.join(p.include, 'metacall'))

    # source/scripts/<lang>/<project>/source/* -> LOADER_SCRIPT_PATH, as ScriptProject.cmake copies
    # them, then what each project's CMakeLists configures into it (the py port's folder).
    base_vars = variables(p)
    for lang in ('python', 'node', 'c'):
        lang_dir = os.path.join(p.mc, 'source', 'scripts', lang)
        if not os.path.isdir(lang_dir):
            notes.append(f'no {lang_dir}')
            continue
        for project in sorted(os.listdir(lang_dir)):
            src = os.path.join(lang_dir, project, 'source')
            if not os.path.isdir(src):
                continue
            shutil.copytree(src, p.scripts, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns('node_modules'))
            spec, _ = cmake_lite.evaluate(os.path.join(lang_dir, project), os.path.join(p.work, 'scripts-build', project),
                                          base_vars, AVAILABLE_TARGETS)
            for src_file, dst, mode, vars_at in spec.configured:
                configure(p, src_file, dst, mode, vars_at)

    # c/loadtest is a C++ MODULE library MetaCall builds into LOADER_SCRIPT_PATH.
    loadtest = os.path.join(p.mc, 'source/scripts/c/loadtest/source')
    if os.path.isdir(loadtest):
        out = os.path.join(p.scripts, 'libloadtest.so')
        src = os.path.join(loadtest, 'loadtest.cpp')
        if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(src):
            r = subprocess.run(['c++', '-std=c++11', '-O1', '-g', '-shared', '-fPIC', src, '-o', out],
                               capture_output=True, text=True)
            if r.returncode != 0:
                notes.append('libloadtest.so did not build: ' + first_error(r.stderr))

    # node/ramda and node/gram: MetaCall runs `npm install` in them (their package-lock.json pins).
    for pkg in ('ramda', 'gram'):
        d = os.path.join(p.scripts, pkg)
        if os.path.isfile(os.path.join(d, 'package.json')) and not os.path.isdir(os.path.join(d, 'node_modules')):
            try:
                r = subprocess.run(['npm', 'ci', '--no-audit', '--no-fund'], cwd=d, capture_output=True,
                                   text=True, timeout=300)
                if r.returncode != 0:
                    notes.append(f'npm ci in scripts/{pkg} failed: ' + (r.stderr.strip().splitlines() or [''])[-1])
            except (OSError, subprocess.TimeoutExpired) as e:
                notes.append(f'npm ci in scripts/{pkg}: {e}')

    # The Python packages MetaCall's scripts import (tools/metacall-environment.sh installs them
    # with pip): a venv of the interpreter the py loader embeds, with requirements.txt's pins.
    venv = os.path.join(p.work, 'venv')
    req = os.path.join(HERE, 'requirements.txt')
    stamp = os.path.join(venv, 'requirements.stamp')
    with open(req) as f:
        wanted = f.read()
    have = open(stamp).read() if os.path.exists(stamp) else None
    if have != wanted:
        try:
            subprocess.run(['/usr/bin/python3', '-m', 'venv', venv], check=True, capture_output=True, timeout=120)
            r = subprocess.run([os.path.join(venv, 'bin', 'pip'), 'install', '-q', '-r', req],
                               capture_output=True, text=True, timeout=600)
            if r.returncode == 0:
                with open(stamp, 'w') as f:
                    f.write(wanted)
            else:
                notes.append('pip install -r requirements.txt failed: ' + first_error(r.stderr))
        except (OSError, subprocess.SubprocessError) as e:
            notes.append(f'no venv for the scripts\' Python packages: {e}')

    # The LD_PRELOAD diagnostic: a failed load prints libmetacall's reason (diagnose.c).
    diag = os.path.join(p.work, 'diagnose.so')
    r = subprocess.run(['cc', '-shared', '-fPIC', '-O1', '-Wl,-z,lazy', '-I' + os.path.join(REPO, 'include'),
                        '-I' + os.path.join(p.build, 'include'), os.path.join(HERE, 'diagnose.c'), '-o', diag, '-ldl'],
                       capture_output=True, text=True, env=C_LOCALE)
    if r.returncode != 0:
        notes.append('diagnose.so did not build (load failures will show no reason): ' + first_error(r.stderr))
        if os.path.exists(diag):
            os.remove(diag)

    # The ports as the build tree prepared them (configure_file copies): stale copies mislead.
    for src, copy in ((os.path.join(REPO, 'source/ports/node_port/index.js'), p.node_port),
                      (os.path.join(REPO, 'source/ports/py_port/metacall/__init__.py'),
                       os.path.join(p.py_port, 'metacall/__init__.py'))):
        if not os.path.exists(copy):
            notes.append(f'{copy} is missing: configure and build {p.build}')
        elif os.path.exists(src) and not filecmp.cmp(src, copy, shallow=False):
            notes.append(f'{copy} differs from {src}: rerun cmake on {p.build} to refresh the port')

    # MetaCall's configurations/: global.json naming a file per loader, as
    # source/configuration/CMakeLists.txt and source/loaders/loader.json.in write them.
    os.makedirs(p.configurations, exist_ok=True)
    with open(os.path.join(p.configurations, 'global.json'), 'w') as f:
        json.dump({'node_loader': f'{p.configurations}/node_loader.json',
                   'py_loader': f'{p.configurations}/py_loader.json',
                   'log_level': 'Error'}, f, indent='\t')
    for name, dep, lib in (('node_loader', 'node', node_library()), ('py_loader', 'python', python_library())):
        with open(os.path.join(p.configurations, name + '.json'), 'w') as f:
            json.dump({'search_paths': [], 'dependencies': {dep: [lib] if lib else []}, 'environment': []},
                      f, indent='\t')


def node_library():
    for d in ('/usr/lib/x86_64-linux-gnu', '/usr/lib', '/usr/local/lib'):
        if os.path.isdir(d):
            for f in sorted(os.listdir(d)):
                if re.match(r'^libnode\.so\.\d+$', f):
                    return os.path.join(d, f)
    return ''


def configure(p, src, dst, mode, vars_at):
    try:
        with open(src, encoding='utf-8') as f:
            text = f.read()
    except OSError:
        return False
    text = p.rewrite(cmake_lite.configure_text(text, vars_at, mode))
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, 'w', encoding='utf-8') as f:
        f.write(text)
    shutil.copymode(src, dst)
    return True


