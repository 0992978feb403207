#!/usr/bin/env python3
"""Compiles MetaCall's own test programs, unchanged, against libmetacall and runs them.

For each folder of <metacall>/source/tests that MetaCall's CMake would build with only the py,
node and c loaders and the py and node ports, it reads the folder's CMakeLists.txt (cmake_lite.py)
for the sources, compile definitions, files to configure and environment, compiles and links the
program with our headers, libmetacall and Debian's GoogleTest, runs it as CTest would (in its
binary folder, with MetaCall's test environment, a timeout) and reports one line per test.
Everything is written under <build>/metacall_tests; nothing in either source tree is touched.
"""

import sys
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import argparse
import concurrent.futures
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmake_lite  # noqa: E402
from outcome import C_LOCALE, first_error, missing_names, summarize  # noqa: E402
from workspace import (AVAILABLE_TARGETS, REPO, Paths, configure, log, prepare_shared,  # noqa: E402
                       snapshot_libraries, variables)

LINKABLE = {'GTest', 'MetaCall::metacall'}


DEFINITION_OVERRIDES = {
    # "the folder libmetacall is in" (MetaCall's PROJECT_OUTPUT_DIR holds the library and the tests)
    'metacall_dynlink_path_test': lambda p: {'METACALL_LIBRARY_PATH': f'"{p.lib}"'},
}


# -- which tests --------------------------------------------------------------------------------------

def discover(p):
    """The folders source/tests/CMakeLists.txt adds (commented-out ones are off upstream too)."""
    with open(os.path.join(p.mc, 'source/tests/CMakeLists.txt'), encoding='utf-8') as f:
        text = f.read()
    enabled = re.findall(r'^\s*add_subdirectory\(\s*([A-Za-z0-9_]+)\s*\)', text, re.M)
    disabled = re.findall(r'^\s*#\s*(?:TODO:\s*)?add_subdirectory\(\s*([A-Za-z0-9_]+)\s*\)', text, re.M)
    return enabled, disabled


def eligibility(spec):
    if spec.skipped:
        return spec.skipped
    if not spec.target:
        return 'no add_executable found'
    internals = sorted(set(m for u in spec.unresolved
                           for m in re.findall(r'TARGET_PROPERTY:MetaCall::(\w+),', u)))
    if internals:
        return 'includes MetaCall internals: ' + ', '.join(internals)
    extra = [lib for lib in spec.link_libraries if lib not in LINKABLE]
    if extra:
        return 'links MetaCall internals: ' + ', '.join(sorted(set(l.replace('MetaCall::', '') for l in extra)))
    missing = [d for d in spec.dependencies if d not in AVAILABLE_TARGETS]
    if missing:
        return 'needs ' + ', '.join(sorted(set(missing)))
    return ''


# -- compiling ------------------------------------------------------------------------------------

def compile_test(p, spec, test_dir, bin_dir, force):
    """(ok, first error line, every missing name) for one test; cached on its inputs."""
    os.makedirs(bin_dir, exist_ok=True)
    includes = []
    for d in spec.include_dirs + [os.path.join(test_dir, 'include'), os.path.join(bin_dir, 'include'), p.include,
                                  os.path.join(REPO, 'include'), os.path.join(p.build, 'include')]:
        d = p.rewrite(d)
        if d and d not in includes:
            includes.append(d)
    overrides = DEFINITION_OVERRIDES.get(spec.folder, lambda _: {})(p)
    defines = []
    for d in spec.definitions:
        name = d.partition('=')[0]
        if name in overrides:
            d = name + '=' + overrides[name]
        if d:
            defines.append(p.rewrite(d))
    flags = ['-std=gnu++17', '-g', '-O0', '-pthread', '-fno-diagnostics-color', '-fdiagnostics-plain-output']
    flags += ['-I' + d for d in includes] + ['-D' + d for d in defines]
    exe = os.path.join(bin_dir, spec.target)

    h = hashlib.sha256()
    h.update(json.dumps(flags).encode())
    for s in spec.sources:
        with open(s, 'rb') as f:
            h.update(f.read())
    for root in (os.path.join(REPO, 'include'), os.path.join(p.build, 'include'), p.include):
        for dirpath, _, files in sorted(os.walk(root)):
            for fn in sorted(files):
                fp = os.path.join(dirpath, fn)
                h.update(fp.encode())
                h.update(str(os.path.getmtime(fp)).encode())
    lib = os.path.join(p.lib, 'libmetacall.so')
    h.update(str(os.path.getmtime(lib) if os.path.exists(lib) else 0).encode())
    stamp = h.hexdigest()
    stamp_file = os.path.join(bin_dir, 'compile.json')
    if not force and os.path.exists(stamp_file):
        with open(stamp_file) as f:
            prev = json.load(f)
        if prev.get('stamp') == stamp and (not prev['ok'] or os.path.exists(exe)):
            return prev['ok'], prev['reason'], prev['missing']

    log_text = []
    objs = []
    ok = True
    for s in spec.sources:
        obj = os.path.join(bin_dir, os.path.basename(s) + '.o')
        cmd = ['c++'] + flags + ['-c', s, '-o', obj]
        r = subprocess.run(cmd, capture_output=True, text=True, env=C_LOCALE)
        log_text.append('$ ' + ' '.join(cmd) + '\n' + r.stdout + r.stderr)
        if r.returncode != 0:
            ok = False
        objs.append(obj)
    if ok:
        cmd = ['c++', '-pthread'] + objs + ['-o', exe, '-L' + p.lib, '-Wl,-rpath,' + p.lib, '-lmetacall',
                                            '-lgtest', '-ldl']
        r = subprocess.run(cmd, capture_output=True, text=True, env=C_LOCALE)
        log_text.append('$ ' + ' '.join(cmd) + '\n' + r.stdout + r.stderr)
        ok = r.returncode == 0
    text = '\n'.join(log_text)
    with open(os.path.join(bin_dir, 'compile.log'), 'w') as f:
        f.write(text)
    reason = '' if ok else first_error('\n'.join(l for l in text.splitlines() if not l.startswith('$ ')))
    missing = [] if ok else missing_names(text)
    with open(stamp_file, 'w') as f:
        json.dump({'stamp': stamp, 'ok': ok, 'reason': reason, 'missing': missing}, f)
    return ok, reason, missing


def stage_files(p, spec, bin_dir):
    for d in spec.made_dirs:
        os.makedirs(d, exist_ok=True)
    for src, dst, mode, vars_at in spec.configured:
        if not configure(p, src, dst, mode, vars_at):
            spec.notes.append(f'configure_file: no {src}')
    for src, dst_dir in spec.copied:
        os.makedirs(dst_dir, exist_ok=True)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dst_dir, os.path.basename(src)), dirs_exist_ok=True)
        elif os.path.exists(src):
            shutil.copy(src, dst_dir)


# -- running ---------------------------------------------------------------------------------------

def run_test(p, spec, bin_dir, timeout):
    exe = os.path.join(bin_dir, spec.target)
    xml_path = os.path.join(bin_dir, 'gtest.xml')
    if os.path.exists(xml_path):
        os.remove(xml_path)
    env = dict(os.environ)
    shown = []
    venv = os.path.join(p.work, 'venv')
    if os.path.exists(os.path.join(venv, 'bin', 'python3')):
        # MetaCall's CI installs its scripts' Python packages system-wide; here they are in a venv
        # the py loader follows (VIRTUAL_ENV, its bin first on PATH).
        env['VIRTUAL_ENV'] = venv
        env['PATH'] = os.path.join(venv, 'bin') + os.pathsep + env.get('PATH', '')
    for item in spec.environment:
        k, _, v = item.partition('=')
        env[k] = p.rewrite(v)
        shown.append(f'{k}={env[k]}')
    diag = os.path.join(p.work, 'diagnose.so')
    if os.path.exists(diag):
        env['LD_PRELOAD'] = (diag + ' ' + env.get('LD_PRELOAD', '')).strip()
    cmd = [exe] + spec.test_args + ['--gtest_output=xml:' + xml_path]
    start = time.monotonic()
    with open(os.path.join(bin_dir, 'run.log'), 'w') as out:
        out.write('$ ' + ' '.join(shown) + ' ' + ' '.join(cmd) + '\n')
        out.flush()
        proc = subprocess.Popen(cmd, cwd=spec.working_dir or bin_dir, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        timed_out = False
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)  # the group of the process started here
            rc = proc.wait()
    elapsed = time.monotonic() - start
    with open(os.path.join(bin_dir, 'run.log'), errors='replace') as f:
        output = f.read()
    status, reason = summarize(output, xml_path, rc, timed_out, timeout)
    return status, reason, elapsed


# -- the report ------------------------------------------------------------------------------------

def md_escape(s):
    return s.replace('|', '\\|').replace('\n', ' ')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('metacall', help='a metacall/core source tree')
    ap.add_argument('build', help="libmetacall's build folder")
    ap.add_argument('--filter', default='', help="regex on the tests' folder or CTest names (metacall_node_.*)")
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=int, default=60)
    ap.add_argument('--rebuild', action='store_true', help='compile even when nothing changed')
    ap.add_argument('--work', default='', help='work folder (default: BUILD/metacall_tests)')
    a = ap.parse_args()

    mc, build = os.path.abspath(a.metacall), os.path.abspath(a.build)
    if not os.path.isfile(os.path.join(mc, 'source/tests/CMakeLists.txt')):
        sys.exit(f'{mc} is not a metacall/core tree (no source/tests/CMakeLists.txt)')
    work = os.path.abspath(a.work) if a.work else os.path.join(build, 'metacall_tests')
    p = Paths(mc, build, work)
    notes = []
    os.makedirs(work, exist_ok=True)
    # One run at a time in a work folder: a second run would replace the libraries under the first.
    run_lock = open(os.path.join(work, '.run.lock'), 'a')
    try:
        fcntl.flock(run_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log(f'harness: another run is using {work}; waiting for it to end')
        fcntl.flock(run_lock, fcntl.LOCK_EX)
    log(f'harness: preparing {work}')
    snapshot_libraries(p)
    prepare_shared(p, notes)

    enabled, disabled = discover(p)
    base = variables(p)
    selected, skipped = [], []
    for folder in enabled:
        test_dir = os.path.join(mc, 'source/tests', folder)
        bin_dir = os.path.join(work, 'tests', folder)
        spec, _ = cmake_lite.evaluate(test_dir, bin_dir, base, AVAILABLE_TARGETS)
        if a.filter and not (re.search(a.filter, folder) or re.search(a.filter, spec.target or folder)):
            continue  # the folder's name (metacall_node_test) or CTest's (metacall-node-test)
        why = eligibility(spec)
        if why:
            skipped.append((folder, why))
        else:
            selected.append((folder, spec, test_dir, bin_dir))
    for folder in disabled:
        if not a.filter or re.search(a.filter, folder):
            skipped.append((folder, 'commented out in MetaCall\'s source/tests/CMakeLists.txt'))

    log(f'harness: {len(selected)} tests to build and run, {len(skipped)} not for these loaders')
    results = {}

    def build_one(item):
        folder, spec, test_dir, bin_dir = item
        stage_files(p, spec, bin_dir)
        ok, reason, missing = compile_test(p, spec, test_dir, bin_dir, a.rebuild)
        log(f'  compiled {folder}: {"ok" if ok else reason}')
        return folder, ok, reason, missing

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for folder, ok, reason, missing in pool.map(build_one, selected):
            results[folder] = {'compiles': ok, 'reason': reason, 'missing': missing}

    def run_one(item):
        folder, spec, test_dir, bin_dir = item
        if not results[folder]['compiles']:
            return folder, 'did not compile', results[folder]['reason'], 0.0
        status, reason, seconds = run_test(p, spec, bin_dir, a.timeout)
        log(f'  ran {folder}: {status} {reason[:100]}')
        return folder, status, reason, seconds

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for folder, status, reason, seconds in pool.map(run_one, selected):
            results[folder]['result'] = status
            results[folder]['reason'] = reason
            results[folder]['seconds'] = seconds

    rows = []
    for folder, spec, _, _ in selected:
        r = results[folder]
        rows.append((folder, 'yes' if r['compiles'] else 'no', r['result'], r['reason'],
                     '; '.join(r['missing']), '; '.join(spec.notes + sorted('unresolved ' + u for u in spec.unresolved)),
                     f"{r['seconds']:.1f}"))

    os.makedirs(work, exist_ok=True)
    tsv = os.path.join(work, 'results.tsv')
    with open(tsv, 'w') as f:
        f.write('name\tcompiles\tresult\treason\tmissing\tnotes\tseconds\n')
        for row in rows:
            f.write('\t'.join(c.replace('\t', ' ') for c in row) + '\n')
    with open(os.path.join(work, 'skipped.tsv'), 'w') as f:
        for folder, why in skipped:
            f.write(f'{folder}\t{why}\n')

    passed = sum(1 for r in rows if r[2] == 'passed')
    compiled = sum(1 for r in rows if r[1] == 'yes')
    print(f'MetaCall tests ({mc}, {git_revision(mc)}) against {build}: '
          f'{len(rows)} tests, {compiled} compile, {passed} pass\n')
    print('| name | compiles? | result | first reason |')
    print('| --- | --- | --- | --- |')
    for row in rows:
        print(f'| {row[0]} | {row[1]} | {row[2]} | {md_escape(row[3])} |')
    missing_by_name = {}
    for row in rows:
        for m in filter(None, row[4].split('; ')):
            missing_by_name.setdefault(m, []).append(row[0])
    if missing_by_name:
        print('\nCompile errors by name (every error of each test that did not compile):\n')
        print('| missing | tests |')
        print('| --- | --- |')
        for m, tests in sorted(missing_by_name.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f'| {md_escape(m)} | {len(tests)}: {", ".join(tests)} |')
    harness_notes = [(r[0], r[5]) for r in rows if r[5]]
    if harness_notes or notes:
        print('\nWhat the harness did not evaluate (CMake it does not run):\n')
        for n in notes:
            print(f'- {n}')
        for folder, n in harness_notes:
            print(f'- {folder}: {md_escape(n)}')
    if skipped:
        print(f'\nNot built (MetaCall\'s CMake would not, with only the py, node and c loaders and the py and '
              f'node ports): {len(skipped)}; the list is in {os.path.join(work, "skipped.tsv")}')
    print(f'\nTSV: {tsv}; logs: {work}/tests/<name>/{{compile,run}}.log')


def git_revision(path):
    try:
        r = subprocess.run(['git', '-C', path, 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True)
        return r.stdout.strip() or 'no git revision'
    except OSError:
        return 'no git revision'


if __name__ == '__main__':
    main()
