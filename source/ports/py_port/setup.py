"""The package's build hook: writes metacall/_paths.py, naming the libmetacall that this install
uses, so that the installed package needs no environment variable. The library is, in order:
- METACALL_LIBRARY when set at install time;
- the repository's default build, build/lib/libmetacall.so, when `pip install ./source/ports/py_port`
  runs in a repository where it is built (pip builds in place);
- none: at import the package then searches <sys.prefix>/lib, /usr/local/lib, /usr/lib and
  ldconfig's cache (metacall/_library.py).
A _paths.py the package already has (the copy CMake prepares, or installs) is kept."""
import os

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


def library_to_record():
    override = os.environ.get("METACALL_LIBRARY")
    if override:
        return os.path.abspath(override)
    built = os.path.normpath(os.path.join(HERE, "..", "..", "..", "build", "lib", "libmetacall.so"))
    return built if os.path.exists(built) else None


class BuildPy(build_py):
    def run(self):
        super().run()
        paths = os.path.join(self.build_lib, "metacall", "_paths.py")
        library = library_to_record()
        if not os.path.exists(paths) and library is not None:
            with open(paths, "w") as f:
                f.write(f"# Written by setup.py at install time: the libmetacall this install uses.\n"
                        f"LIBMETACALL = {library!r}\n")


setup(cmdclass={"build_py": BuildPy})
