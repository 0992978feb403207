"""Imports of other languages' modules, for names Python itself cannot find (the finder goes
last in sys.meta_path):

- `from mylib.js import add`: `mylib.js` in the cwd or a folder of sys.path is loaded by the
  node loader; `mylib` becomes a namespace-like package, `mylib.js` a module of its functions;
  the same for ES modules (`.mjs`) and TypeScript (`.ts`, `.tsx`, `.mts`, `.cts`);
- `import semver`: `<folder>/node_modules/semver` (folder: the cwd or one of sys.path) is loaded
  with metacall_load_from_package("node", <that folder>), ES-module-only packages (nanoid) too;
- MetaCall's forms: `import metacall.node.ramda`, `from metacall.node import ramda, path`,
  `from metacall.py.os.path import join`: the module or package `name` of loader `tag`, found by
  the loader itself (its execution paths), as metacall_load_from_package(tag, name) loads it, else
  as metacall_load_from_file(tag, [name]); and `from script.ext import f` for the other extensions
  of MetaCall's table (`.c`, `.mock`, ...: the loader of that tag, which must be present).
"""
import importlib.abc
import importlib.machinery
import os
import sys

# File extension -> loader tag: JavaScript (CommonJS and ES modules), TypeScript and addons go to
# node; the others as MetaCall's port maps them (a tag whose loader is not built fails the import).
EXTENSIONS = {ext: "node" for ext in ("js", "cjs", "mjs", "ts", "tsx", "mts", "cts", "node")}
EXTENSIONS.update({"c": "c", "mock": "mock", "rb": "rb", "cs": "cs", "vb": "cs", "cob": "cob",
                   "cbl": "cob", "cpy": "cob", "wat": "wasm", "rs": "rs", "java": "java"})
# Extensions of packages (loaded with metacall_load_from_package).
PACKAGE_EXTENSIONS = {"dll": "cs", "wasm": "wasm", "rlib": "rs", "jar": "java"}
# The tags `import metacall.<tag>.<name>` accepts.
TAGS = set(EXTENSIONS.values()) | set(PACKAGE_EXTENSIONS.values()) | {"py"}


def _folders():
    seen = set()
    # LOADER_SCRIPT_PATH: the folder MetaCall's loaders search for scripts.
    script_path = [os.environ["LOADER_SCRIPT_PATH"]] if os.environ.get("LOADER_SCRIPT_PATH") else []
    for folder in [os.getcwd()] + script_path + sys.path:
        folder = os.path.abspath(folder or os.getcwd()) if isinstance(folder, str) else None
        if folder and folder not in seen and os.path.isdir(folder):
            seen.add(folder)
            yield folder


def _script(name):
    """{extension: path} of the scripts named `name` in the first folder that has any."""
    for folder in _folders():
        found = {ext: os.path.join(folder, f"{name}.{ext}") for ext in {**EXTENSIONS, **PACKAGE_EXTENSIONS}
                 if os.path.isfile(os.path.join(folder, f"{name}.{ext}"))}
        if found:
            return found
    return None


def _npm_package(name):
    for folder in _folders():
        package = os.path.join(folder, "node_modules", name)
        if os.path.isfile(os.path.join(package, "package.json")):
            return package
    return None


class _Loader(importlib.abc.Loader):
    def __init__(self, port, load):
        self._port, self._load = port, load

    def create_module(self, spec):
        return None  # a plain module

    def exec_module(self, module):
        if self._load is None:  # the package of `name.js`: holds nothing itself
            module.__path__ = []
            return
        tag, kind, what = self._load
        # A handle of its own: modules may export the same names (no clash in the global scope).
        if kind == "name":
            handle = self._by_name(tag, what)
            module.__path__ = []  # `import metacall.py.os.path` imports os, then os.path
        elif kind == "file":
            handle = self._port.load_from_file(tag, [what], True)
        else:
            handle = self._port.load_from_package(tag, what, True)
        module.__file__ = what
        module.__metacall_handle__ = handle
        module.__dict__.update(self._port.handle_export(handle))


    def _by_name(self, tag, name):
        """A module or package name, as the loader finds it: a package first, then a file."""
        try:
            return self._port.load_from_package(tag, name, True)
        except Exception as as_package:
            try:
                return self._port.load_from_file(tag, [name], True)
            except Exception as as_file:
                raise ImportError(f"metacall: cannot import '{name}' with the {tag} loader: as a "
                                  f"package: {as_package}; as a file: {as_file}",
                                  name=f"metacall.{tag}.{name}") from None


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, port):
        self._port = port

    def _spec(self, fullname, load, origin, package=False):
        spec = importlib.machinery.ModuleSpec(fullname, _Loader(self._port, load), origin=origin,
                                              is_package=package)
        return spec

    def find_spec(self, fullname, path=None, target=None):
        parts = fullname.split(".")
        if parts[0] == "metacall" and len(parts) > 1:  # metacall.<tag>[.<name>]
            if parts[1] not in TAGS:
                return None
            if len(parts) == 2:
                return self._spec(fullname, None, None, package=True)
            name = ".".join(parts[2:])
            return self._spec(fullname, (parts[1], "name", name), None, package=True)
        if len(parts) == 1:
            scripts = _script(fullname)
            if scripts:
                return self._spec(fullname, None, None, package=True)
            package = _npm_package(fullname)
            if package:
                return self._spec(fullname, ("node", "package", package), package)
        elif len(parts) == 2 and parts[1] in EXTENSIONS:
            scripts = _script(parts[0]) or {}
            if parts[1] in scripts:
                return self._spec(fullname, (EXTENSIONS[parts[1]], "file", scripts[parts[1]]),
                                  scripts[parts[1]])
        elif len(parts) == 2 and parts[1] in PACKAGE_EXTENSIONS:
            scripts = _script(parts[0]) or {}
            if parts[1] in scripts:
                return self._spec(fullname, (PACKAGE_EXTENSIONS[parts[1]], "package",
                                             scripts[parts[1]]), scripts[parts[1]])
        return None


def install(port):
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder(port))
