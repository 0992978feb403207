"""Reading what a compiler and a test program printed: the first error, the names a test
lacks, and a result (passed, failed N of M, crashed, timed out) with its first reason."""

import os
import re
import signal
import xml.etree.ElementTree as ET

def first_error(text):
    for line in text.splitlines():
        if re.search(r'\berror\b', line) or 'undefined reference' in line:
            return shorten(line)
    lines = [l for l in text.splitlines() if l.strip()]
    return shorten(lines[0]) if lines else ''


def shorten(line):
    line = re.sub(r'^(/[^:\s]*/)([^/:\s]+):', r'\2:', line.strip())
    line = line.replace('|', '/').replace('\t', ' ')
    return line[:300]


C_LOCALE = dict(os.environ, LC_ALL='C')  # plain quotes in the compiler's messages

MISSING_PATTERNS = [
    (r"error: '([A-Za-z_]\w*)' was not declared in this scope", 'name'),
    (r"error: '([A-Za-z_]\w*)' undeclared", 'name'),
    (r"error: '([A-Za-z_]\w*)' has not been declared", 'name'),
    (r"error: '([A-Za-z_]\w*)' is not a member of '([\w:]+)'", 'name'),
    (r"error: '(?:struct |enum )?([A-Za-z_]\w*)' does not name a type", 'name'),
    (r"error: '(\w+)' in namespace '\w+' does not name a type", 'name'),
    (r"error: too (?:few|many) arguments to function '[^']*?\b([A-Za-z_]\w*)\(", 'signature'),
    (r"error: invalid conversion from '[^']*' to '[^']*'.*", 'conversion'),
    (r"fatal error: ([^:]+): No such file or directory", 'header'),
    (r"undefined reference to `([A-Za-z_]\w*)", 'link'),
]


def missing_names(text):
    found = []
    for pat, kind in MISSING_PATTERNS:
        for m in re.finditer(pat, text):
            if len(m.groups()) == 2:
                key = f'{kind}: {m.group(2)}::{m.group(1)}'
            else:
                key = f'{kind}: {m.group(1)}' if m.groups() else f'{kind}'
            if key not in found:
                found.append(key)
    return found


def summarize(output, xml_path, rc, timed_out, timeout):
    total = failed = None
    first_failure = ''
    if os.path.exists(xml_path):
        try:
            root = ET.parse(xml_path).getroot()
            total = int(root.get('tests', 0)) - int(root.get('disabled', 0))
            failed = int(root.get('failures', 0)) + int(root.get('errors', 0))
            for case in root.iter('testcase'):
                f = case.find('failure')
                if f is not None:
                    first_failure = case.get('classname', '') + '.' + case.get('name', '') + ': ' + \
                        condense(f.get('message', ''))
                    break
        except ET.ParseError:
            pass
    runs = re.findall(r'^\[ RUN      \] (\S+)', output, re.M)
    oks = re.findall(r'^\[       OK \] (\S+)', output, re.M)
    fails = re.findall(r'^\[  FAILED  \] (\S+) \(', output, re.M)
    if total is None:
        m = re.search(r'^\[==========\] Running (\d+) tests?', output, re.M)
        total = int(m.group(1)) if m else len(runs)
        failed = len(fails)
    if not first_failure:
        m = re.search(r'^(\S+:\d+): Failure\n((?:(?!\[).+\n){1,5})', output, re.M)
        if m:
            first_failure = shorten(m.group(1)) + ': ' + condense(m.group(2))
    last_run = runs[-1] if runs else ''
    unfinished = last_run and last_run not in oks and last_run not in fails
    tail = last_lines(output)

    if timed_out:
        where = f' in {last_run}' if unfinished else ' (after the cases, at exit)' if runs else ''
        return 'timed out', f'no end after {timeout} s{where}' + (f'; {first_failure}' if first_failure else '') + \
            (f'; last output: {tail}' if tail else '')
    if rc < 0:
        sig = signal.Signals(-rc).name if -rc in signal.Signals._value2member_map_ else str(-rc)
        where = f' in {last_run}' if unfinished else (' at exit, after the cases' if runs else ' before any case')
        return 'crashed', f'{sig}{where}' + (f'; first failure {first_failure}' if first_failure else '') + \
            (f'; last output: {tail}' if tail else '')
    # The preloaded diagnose.so's last report before the first failure says what the library
    # refused just before (a load, or a call that returned NULL or threw).
    failure_at = re.search(r'^\S+:\d+: Failure$', output, re.M)
    before = output[:failure_at.start()] if failure_at else output
    diags = re.findall(r'^\[metacall_tests\] (.*)$', before, re.M)
    if diags and first_failure:
        first_failure += ' -- last library error before it: ' + root_cause(diags[-1])
    if rc == 0 and not failed:
        return 'passed', f'{total} case' + ('s' if total != 1 else '') if total != 1 else ''
    if failed:
        return f'failed {failed} of {total}', first_failure or tail
    # A non-zero exit without a failed case: an abort handled as exit, or a failure in main/destroy.
    where = f' in {last_run}' if unfinished else ''
    return f'failed (exit {rc})', f'exit code {rc}{where}' + (f'; last output: {tail}' if tail else '')


def root_cause(diag):
    """A diagnose.so line with the library's nested prefixes ('metacall_load_from_file(...): node
    loader: Error: ...') cut to the call and the innermost reason."""
    diag = diag.replace('|', '/')
    if len(diag) <= 300:
        return diag
    call = diag.split(' failed: ')[0].split(' threw ')[0].split(' returned NULL')[0]
    return shorten(call[:100] + ' ... ' + diag[-190:])


def condense(text):
    lines = [l.strip() for l in text.splitlines() if l.strip() and l.strip() != 'Expected equality of these values:']
    text = ' / '.join(lines[:6]).replace(' / Which is: ', ' = ')
    return shorten(text)


def last_lines(output):
    lines = [l.strip() for l in output.splitlines()
             if l.strip() and (l.startswith('[metacall_tests]') or not l.startswith(('[', '$ ', 'Note: Google Test')))]
    return shorten(lines[-1]) if lines else ''


