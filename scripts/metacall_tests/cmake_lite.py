"""Just enough of CMake to read one of MetaCall's source/tests/<name>/CMakeLists.txt.

MetaCall's test folders are written from one template: an if() that returns when a loader, port or
script set is off, then add_executable, include folders, compile definitions, dependencies, files
configured into the build tree and test_environment_variables(). This module tokenizes the file,
runs the commands that matter with a variable table (if/elseif/else, set, list, string(REPLACE),
configure_file, file(COPY/MAKE_DIRECTORY), execute_process) and records the rest, so the harness
(harness.py) can build and run the test as MetaCall's CMake would. What it cannot evaluate is
written into TestSpec.notes, never guessed.
"""

import os
import re
import subprocess
from dataclasses import dataclass, field


@dataclass
class Arg:
    text: str
    quoted: bool


@dataclass
class Command:
    name: str
    args: list
    line: int


def tokenize(source):
    """The commands of a CMake file, in order: name, raw arguments, line."""
    commands = []
    i, n, line = 0, len(source), 1
    while i < n:
        c = source[i]
        if c == '\n':
            line += 1
            i += 1
        elif c == '#':
            if source.startswith('#[[', i):
                end = source.find(']]', i)
                end = n if end < 0 else end + 2
                line += source.count('\n', i, end)
                i = end
            else:
                while i < n and source[i] != '\n':
                    i += 1
        elif c.isalpha() or c == '_':
            start = i
            while i < n and (source[i].isalnum() or source[i] == '_'):
                i += 1
            name = source[start:i].lower()
            while i < n and source[i] in ' \t':
                i += 1
            if i >= n or source[i] != '(':
                continue
            i += 1
            args, depth, cmd_line = [], 0, line
            while i < n:
                c = source[i]
                if c == '\n':
                    line += 1
                    i += 1
                elif c in ' \t\r':
                    i += 1
                elif c == '#':
                    while i < n and source[i] != '\n':
                        i += 1
                elif c == '"':
                    i += 1
                    buf = []
                    while i < n and source[i] != '"':
                        if source[i] == '\\' and i + 1 < n:
                            nxt = source[i + 1]
                            buf.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(nxt, '\\' + nxt))
                            i += 2
                            continue
                        if source[i] == '\n':
                            line += 1
                        buf.append(source[i])
                        i += 1
                    i += 1
                    args.append(Arg(''.join(buf), True))
                elif c == '(':
                    depth += 1
                    args.append(Arg('(', False))
                    i += 1
                elif c == ')':
                    if depth == 0:
                        i += 1
                        break
                    depth -= 1
                    args.append(Arg(')', False))
                    i += 1
                else:
                    start = i
                    gen = 0  # inside $<...>, which may hold spaces-free ':' and ','
                    while i < n:
                        ch = source[i]
                        if ch == '$' and source.startswith('$<', i):
                            gen += 1
                        elif ch == '>' and gen > 0:
                            gen -= 1
                        elif gen == 0 and ch == '"':
                            # NAME="value" inside an unquoted argument: the quotes stay in it
                            end = source.find('"', i + 1)
                            end = n - 1 if end < 0 else end
                            line += source.count('\n', i, end)
                            i = end + 1
                            continue
                        elif gen == 0 and (ch in ' \t\r\n()#'):
                            break
                        i += 1
                    args.append(Arg(source[start:i], False))
            commands.append(Command(name, args, cmd_line))
        else:
            i += 1
    return commands


@dataclass
class TestSpec:
    folder: str                      # source/tests/<folder>
    target: str = ''                 # metacall-xxx-test
    sources: list = field(default_factory=list)
    include_dirs: list = field(default_factory=list)
    definitions: list = field(default_factory=list)
    link_libraries: list = field(default_factory=list)
    dependencies: list = field(default_factory=list)
    environment: list = field(default_factory=list)
    test_args: list = field(default_factory=list)
    working_dir: str = ''            # add_test WORKING_DIRECTORY (default: the binary folder)
    configured: list = field(default_factory=list)   # (src, dst, mode) mode: copy | at_only | full
    copied: list = field(default_factory=list)       # (src, dst_dir)
    made_dirs: list = field(default_factory=list)
    skipped: str = ''                # why MetaCall's CMake would not build it here
    notes: list = field(default_factory=list)        # what was not evaluated
    unresolved: set = field(default_factory=set)     # variables read but unknown


class Evaluator:
    """Runs one test's CMakeLists with a variable table."""

    def __init__(self, variables, targets, test_dir, binary_dir):
        self.vars = dict(variables)
        self.targets = set(targets)
        self.vars['CMAKE_CURRENT_SOURCE_DIR'] = test_dir
        self.vars['CMAKE_CURRENT_BINARY_DIR'] = binary_dir
        self.spec = TestSpec(os.path.basename(test_dir))

    # -- expansion -------------------------------------------------------------------------------
    def expand(self, text, at_only=False):
        def gen(m):
            body = m.group(1)
            if body == 'TARGET_FILE:metacall':
                return self.vars['METACALL_TARGET_FILE']
            if self.spec.target and body == 'TARGET_FILE:' + self.spec.target:
                return os.path.join(self.vars['CMAKE_CURRENT_BINARY_DIR'], self.spec.target)
            if body.startswith('TARGET_PROPERTY:MetaCall::metacall,'):
                return ''  # our include folders are always given
            self.spec.unresolved.add('$<' + body + '>')
            return ''

        def var(m):
            name = m.group(1)
            if name.startswith('ENV{'):
                return os.environ.get(name[4:-1], '')
            if name in self.vars:
                return self.vars[name]
            self.spec.unresolved.add(name)
            return ''

        if not at_only:
            for _ in range(8):  # nested ${${X}}
                new = re.sub(r'\$\{([A-Za-z0-9_./+-]+|ENV\{[A-Za-z0-9_]+\})\}', var, text)
                if new == text:
                    break
                text = new
            text = self._expand_generators(text, gen)
        text = re.sub(r'@([A-Za-z0-9_]+)@', var, text)
        return text

    def _expand_generators(self, text, gen):
        # Innermost first; $<BOOL:..>, $<AND:..>, $<PLATFORM_ID:..> evaluate; others are unresolved.
        for _ in range(16):
            m = re.search(r'\$<([^<>$]*)>', text)
            if not m:
                break
            body = m.group(1)
            if body.startswith('BOOL:'):
                val = '1' if self.truthy(body[5:]) else '0'
            elif body.startswith('AND:'):
                val = '1' if all(x == '1' for x in body[4:].split(',')) else '0'
            elif body.startswith('OR:'):
                val = '1' if any(x == '1' for x in body[3:].split(',')) else '0'
            elif body.startswith('NOT:'):
                val = '0' if body[4:] == '1' else '1'
            elif body.startswith('PLATFORM_ID:'):
                val = '1' if body[12:] == 'Linux' else '0'
            elif re.match(r'^[01]:', body):
                val = body[2:] if body[0] == '1' else ''
            else:
                val = gen(m)
            text = text[:m.start()] + val + text[m.end():]
        return text

    def values(self, args):
        """Expanded argument list: unquoted arguments split on ';' and drop when empty."""
        out = []
        for a in args:
            v = self.expand(a.text)
            if a.quoted:
                out.append(v)
            else:
                out.extend(x for x in v.split(';') if x != '')
        return out

    # -- conditions ------------------------------------------------------------------------------
    @staticmethod
    def truthy(value):
        v = value.strip().upper()
        if v in ('', '0', 'OFF', 'NO', 'FALSE', 'N', 'IGNORE', 'NOTFOUND') or v.endswith('-NOTFOUND'):
            return False
        return True

    def condition(self, args):
        toks = [a.text if not a.quoted else ('"' + a.text) for a in args]
        pos = [0]

        def peek():
            return toks[pos[0]] if pos[0] < len(toks) else None

        def take():
            t = peek()
            pos[0] += 1
            return t

        def value_of(tok):
            if tok.startswith('"'):
                return self.expand(tok[1:])
            t = self.expand(tok)
            if t in self.vars:
                return self.vars[t]
            return t

        def atom():
            t = take()
            if t is None:
                return False
            if t == '(':
                r = expr()
                take()  # ')'
                return r
            if t == 'NOT':
                return not atom()
            if t == 'DEFINED':
                return self.expand(take()) in self.vars
            if t == 'TARGET':
                return self.expand(take()) in self.targets
            if t in ('EXISTS', 'IS_DIRECTORY'):
                return os.path.exists(value_of(take()))
            if t == 'POLICY':
                take()
                return False
            nxt = peek()
            if nxt in ('STREQUAL', 'EQUAL', 'VERSION_LESS', 'VERSION_GREATER', 'MATCHES', 'LESS', 'GREATER'):
                op = take()
                rhs = value_of(take())
                lhs = value_of(t)
                if op in ('STREQUAL', 'EQUAL'):
                    return lhs == rhs
                if op == 'MATCHES':
                    return re.search(rhs, lhs) is not None
                return False
            if t.startswith('"'):
                return self.truthy(self.expand(t[1:]))
            name = self.expand(t)
            if name in self.vars:
                return self.truthy(self.vars[name])
            if name.upper() in ('ON', 'YES', 'TRUE', 'Y') or re.match(r'^[1-9][0-9]*$', name):
                return True
            # An unknown option or platform is off, as in a CMake cache without it; others are noted.
            if re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', name) and \
                    not name.startswith(('OPTION_', 'WIN32', 'MSVC', 'APPLE', 'CMAKE_')):
                self.spec.unresolved.add(name)
            return False

        def conj():
            r = atom()
            while peek() == 'AND':
                take()
                rhs = atom()
                r = r and rhs
            return r

        def expr():
            r = conj()
            while peek() == 'OR':
                take()
                rhs = conj()
                r = r or rhs
            return r

        return expr()

    # -- running ---------------------------------------------------------------------------------
    def run(self, commands):
        spec = self.spec
        # Stack of (active, taken) for if blocks; skip function/macro/foreach bodies.
        stack = []
        skip_depth = 0
        for cmd in commands:
            name, args = cmd.name, cmd.args
            if skip_depth:
                if name in ('function', 'macro', 'foreach', 'while'):
                    skip_depth += 1
                elif name in ('endfunction', 'endmacro', 'endforeach', 'endwhile'):
                    skip_depth -= 1
                continue
            active = all(s[0] for s in stack)
            if name == 'if':
                taken = active and self.condition(args)
                stack.append([taken, taken])
                continue
            if name == 'elseif':
                top = stack[-1]
                outer = all(s[0] for s in stack[:-1])
                if top[1]:
                    top[0] = False
                else:
                    top[0] = outer and self.condition(args)
                    top[1] = top[0]
                continue
            if name == 'else':
                top = stack[-1]
                outer = all(s[0] for s in stack[:-1])
                top[0] = outer and not top[1]
                top[1] = True
                continue
            if name == 'endif':
                stack.pop()
                continue
            if name in ('function', 'macro', 'foreach', 'while'):
                skip_depth = 1
                if active and name in ('foreach', 'while'):
                    spec.notes.append(f'line {cmd.line}: {name}() not evaluated')
                continue
            if not active:
                continue
            handler = getattr(self, 'cmd_' + name, None)
            if handler is None:
                self.other(cmd)
                continue
            if handler(cmd) == 'return':
                if not spec.target:
                    spec.skipped = self.why_return(commands, cmd)
                return spec
        return spec

    def why_return(self, commands, ret):
        """Why a return() before add_executable ran: the names in the if() above it that are off."""
        prev = None
        for c in commands:
            if c is ret:
                break
            if c.name == 'if':
                prev = c
        if prev is None:
            return 'return() at line %d' % ret.line
        keywords = {'NOT', 'AND', 'OR', '(', ')', 'TARGET', 'DEFINED', 'EXISTS', 'STREQUAL', 'EQUAL'}
        toks = [a.text for a in prev.args]
        off = []
        for i, t in enumerate(toks):
            if t in keywords or not re.match(r'^[A-Za-z_][A-Za-z0-9_]*$', t):
                continue
            if i > 0 and toks[i - 1] == 'TARGET':
                if t not in self.targets:
                    off.append('target ' + t)
            elif not self.truthy(self.vars.get(t, '')):
                if t.endswith('_FOUND'):
                    off.append(t[:-len('_FOUND')] + ' (find_package)')
                else:
                    off.append(t.replace('OPTION_BUILD_', ''))
        if off:
            return 'needs ' + ', '.join(dict.fromkeys(off))
        return 'returns when if(%s)' % ' '.join(toks)

    def other(self, cmd):
        known_ignored = {
            'message', 'include', 'source_group_by_path', 'set_target_properties', 'set_property',
            'target_compile_options', 'target_compile_features', 'target_link_options',
            'check_tsan_executable', 'get_filename_component', 'cmake_policy', 'set_policy',
            'enable_testing', 'break',
        }
        if cmd.name in known_ignored:
            return
        if cmd.name in ('set_tests_properties',):
            vals = self.values(cmd.args)
            if 'WORKING_DIRECTORY' in vals or 'ENVIRONMENT' in vals:
                self.spec.notes.append(f'line {cmd.line}: set_tests_properties({" ".join(vals)}) not applied')
            return
        text = ' '.join(a.text for a in cmd.args)
        self.spec.notes.append(f'line {cmd.line}: {cmd.name}({text[:80]}) not evaluated')

    def cmd_return(self, cmd):
        return 'return'

    def cmd_set(self, cmd):
        vals = self.values(cmd.args)
        if not vals:
            return
        name = vals[0]
        rest = vals[1:]
        if 'CACHE' in rest:
            rest = rest[:rest.index('CACHE')]
        if 'PARENT_SCOPE' in rest:
            rest.remove('PARENT_SCOPE')
        if rest:
            self.vars[name] = ';'.join(rest)
        else:
            self.vars.pop(name, None)

    def cmd_unset(self, cmd):
        for v in self.values(cmd.args):
            self.vars.pop(v, None)

    def cmd_list(self, cmd):
        vals = self.values(cmd.args)
        if len(vals) < 2:
            return
        op, name, items = vals[0], vals[1], vals[2:]
        cur = [x for x in self.vars.get(name, '').split(';') if x]
        if op == 'APPEND':
            cur += items
        elif op == 'REMOVE_ITEM':
            cur = [x for x in cur if x not in items]
        else:
            self.spec.notes.append(f'line {cmd.line}: list({op}) not evaluated')
            return
        self.vars[name] = ';'.join(cur)

    def cmd_string(self, cmd):
        vals = [self.expand(a.text) for a in cmd.args]
        if vals and vals[0] == 'REPLACE' and len(vals) >= 5:
            self.vars[vals[3]] = ''.join(vals[4:]).replace(vals[1], vals[2])
        elif vals and vals[0] in ('TOUPPER', 'TOLOWER') and len(vals) == 3:
            self.vars[vals[2]] = vals[1].upper() if vals[0] == 'TOUPPER' else vals[1].lower()
        else:
            self.spec.notes.append(f'line {cmd.line}: string({vals[0] if vals else ""}) not evaluated')

    def cmd_add_executable(self, cmd):
        vals = self.values(cmd.args)
        if 'ALIAS' in vals or not vals:
            return
        self.spec.target = vals[0]
        self.spec.sources = [v for v in vals[1:] if v.endswith(('.cpp', '.c', '.cc', '.cxx'))]

    def _private(self, cmd):
        vals = self.values(cmd.args)[1:]
        return [v for v in vals if v not in ('PRIVATE', 'PUBLIC', 'INTERFACE', 'SYSTEM')]

    def cmd_target_include_directories(self, cmd):
        self.spec.include_dirs += self._private(cmd)

    def cmd_target_compile_definitions(self, cmd):
        self.spec.definitions += self._private(cmd)

    def cmd_target_link_libraries(self, cmd):
        self.spec.link_libraries += self._private(cmd)

    def cmd_add_dependencies(self, cmd):
        self.spec.dependencies += self.values(cmd.args)[1:]

    def cmd_add_loader_dependencies(self, cmd):
        pass  # only the loaders that are built: never a requirement

    def cmd_add_test(self, cmd):
        keywords = {'NAME', 'COMMAND', 'WORKING_DIRECTORY', 'CONFIGURATIONS', 'COMMAND_EXPAND_LISTS'}
        sections, cur = {}, None
        for i, a in enumerate(cmd.args):
            if a.text in keywords and not a.quoted:
                cur = a.text
                sections[cur] = []
            elif cur:
                sections[cur].append(a)
        if sections.get('COMMAND'):
            # COMMAND $<TARGET_FILE:target> args...: the program is ours, the rest its arguments
            self.spec.test_args = self.values(sections['COMMAND'][1:])
        if sections.get('WORKING_DIRECTORY'):
            self.spec.working_dir = self.values(sections['WORKING_DIRECTORY'])[0]

    def cmd_test_environment_variables(self, cmd):
        vals = self.values(cmd.args)
        # (target, args, env...); args is "" in every MetaCall test
        self.spec.environment += [v for v in vals[2:] if '=' in v]

    def cmd_configure_file(self, cmd):
        vals = self.values(cmd.args)
        src, dst = vals[0], vals[1]
        if not os.path.isabs(src):
            src = os.path.join(self.vars['CMAKE_CURRENT_SOURCE_DIR'], src)
        if not os.path.isabs(dst):
            dst = os.path.join(self.vars['CMAKE_CURRENT_BINARY_DIR'], dst)
        mode = 'copy' if 'COPYONLY' in vals else ('at_only' if '@ONLY' in vals else 'full')
        self.spec.configured.append((src, dst, mode, dict(self.vars)))

    def cmd_file(self, cmd):
        vals = self.values(cmd.args)
        if not vals:
            return
        if vals[0] == 'COPY' and 'DESTINATION' in vals:
            d = vals.index('DESTINATION')
            for src in vals[1:d]:
                if not os.path.isabs(src):
                    src = os.path.join(self.vars['CMAKE_CURRENT_SOURCE_DIR'], src)
                self.spec.copied.append((src, vals[d + 1]))
        elif vals[0] == 'MAKE_DIRECTORY':
            self.spec.made_dirs += vals[1:]
        else:
            self.spec.notes.append(f'line {cmd.line}: file({vals[0]}) not evaluated')

    def cmd_execute_process(self, cmd):
        vals = self.values(cmd.args)
        keys = {'COMMAND', 'WORKING_DIRECTORY', 'RESULT_VARIABLE', 'OUTPUT_VARIABLE', 'ERROR_VARIABLE',
                'OUTPUT_QUIET', 'ERROR_QUIET', 'OUTPUT_STRIP_TRAILING_WHITESPACE', 'TIMEOUT'}
        opts, cur = {}, None
        for v in vals:
            if v in keys:
                cur = v
                opts.setdefault(v, [])
            elif cur:
                opts[cur].append(v)
        command = opts.get('COMMAND', [])
        work = self.vars['CMAKE_BINARY_DIR']
        outside = [c for c in command[1:] if c.startswith('/') and not c.startswith(work)]
        if outside:
            self.spec.notes.append(f'line {cmd.line}: execute_process({" ".join(command)[:60]}) not run '
                                   '(a path outside the work folder)')
            return
        try:
            p = subprocess.run(command, capture_output=True, text=True, timeout=60,
                               cwd=(opts.get('WORKING_DIRECTORY') or [None])[0])
            result, out = str(p.returncode), p.stdout
        except (OSError, subprocess.TimeoutExpired) as e:
            result, out = str(e), ''
        if opts.get('RESULT_VARIABLE'):
            self.vars[opts['RESULT_VARIABLE'][0]] = '' if result == '0' else result
        if opts.get('OUTPUT_VARIABLE'):
            self.vars[opts['OUTPUT_VARIABLE'][0]] = out.strip()
        self.spec.notes.append(f'line {cmd.line}: ran {" ".join(command)[:60]} -> {result}')

    def cmd_find_package(self, cmd):
        vals = self.values(cmd.args)
        name = vals[0] if vals else ''
        found = self.vars.get('FIND_PACKAGE_' + name)
        if found is None:
            self.spec.notes.append(f'line {cmd.line}: find_package({name}) not evaluated')
            return
        self.vars.update(found)

    def cmd_find_file(self, cmd):
        self.other(cmd)


def evaluate(test_dir, binary_dir, variables, targets):
    with open(os.path.join(test_dir, 'CMakeLists.txt'), encoding='utf-8') as f:
        commands = tokenize(f.read())
    ev = Evaluator(variables, targets, test_dir, binary_dir)
    return ev.run(commands), ev


def configure_text(text, variables, mode):
    """configure_file's substitution: @VAR@ always, ${VAR} unless @ONLY, #cmakedefine."""
    if mode == 'copy':
        return text

    def var(m):
        return variables.get(m.group(1), '')

    text = re.sub(r'@([A-Za-z0-9_]+)@', var, text)
    if mode == 'full':
        text = re.sub(r'\$\{([A-Za-z0-9_]+)\}', var, text)

    def define(m):
        name = m.group(1)
        if Evaluator.truthy(variables.get(name, '')):
            return '#define ' + name + m.group(2)
        return '/* #undef ' + name + ' */'

    text = re.sub(r'^#cmakedefine\s+([A-Za-z0-9_]+)(.*)$', define, text, flags=re.M)
    return text
