"""A package's own __init__.py loaded as a script: it imports the file beside it absolutely, as a
script Python runs would, although a folder of the same name (a JavaScript package) sits there too."""
from mesh_helper import double


def doubled_twice(x: int) -> int:
    return double(double(x))
