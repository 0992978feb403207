"""Imports of other languages' modules, for names Python itself cannot find (the finder goes
last in sys.meta_path):

- `from mylib.js import add`: `mylib.js` in the cwd or a folder of sys.path is loaded by the
  node loader; `mylib` becomes a namespace-like package, `mylib.js` a module of its functions;
  the same for ES modules (`.mjs`) and TypeScript (`.ts`, `.tsx`, `.mts`, `.cts`);
- `import semver`: `<folder>/node_modules/semver` (folder: the cwd or one of sys.path) is loaded
  with metacall_load_from_package("node", <that folder>), ES-module-only packages (nanoid) too.
"""
import importlib.abc
import importlib.machinery
import os
import sys

# File extension -> loader tag: JavaScript (CommonJS and ES modules) and TypeScript go to node.
EXTENSIONS = {ext: "node" for ext in ("js", "cjs", "mjs", "ts", "tsx", "mts", "cts")}


def _folders():
    seen = set()
    for folder in [os.getcwd()] + sys.path:
        folder = os.path.abspath(folder or os.getcwd()) if isinstance(folder, str) else None
        if folder and folder not in seen and os.path.isdir(folder):
            seen.add(folder)
            yield folder


def _script(name):
    """{extension: path} of the scripts named `name` in the first folder that has any."""
    for folder in _folders():
        found = {ext: os.path.join(folder, f"{name}.{ext}") for ext in EXTENSIONS
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
        handle = (self._port.load_from_file(tag, [what], True) if kind == "file"
                  else self._port.load_from_package(tag, what, True))
        module.__file__ = what
        module.__metacall_handle__ = handle
        module.__dict__.update(self._port.handle_export(handle))


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, port):
        self._port = port

    def _spec(self, fullname, load, origin, package=False):
        spec = importlib.machinery.ModuleSpec(fullname, _Loader(self._port, load), origin=origin,
                                              is_package=package)
        return spec

    def find_spec(self, fullname, path=None, target=None):
        parts = fullname.split(".")
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
        return None


def install(port):
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder(port))
