"""Classes and objects crossing to C (after MetaCall's classname.py), and proxies of C's objects."""
import functools
import gc
import weakref
from json import JSONDecoder  # imported: not one of this module's classes


class MyClass:
    b = 20  # a static attribute (instances shadow it in __init__)
    label: str  # a declared instance attribute

    def __init__(self, a, b):
        self.a = a
        self.b = b

    @staticmethod
    def static(x):
        return x * 2

    @classmethod
    def make(cls, a):
        return cls(a, 0)

    def return_bye(self, name):
        return "Bye " + name

    def check_args(self, a, b):
        return [type(a).__name__, type(b).__name__]

    def fail(self, message):
        raise ValueError(message)

    async def later(self, x):
        return x + 1

    def _hidden(self):
        return "not public"


class Adder:
    """Instances define __call__: objects, callable through their method "__call__"."""

    def __call__(self, x):
        return x + 1


shared = MyClass("shared", 1)  # a module-level instance: an object of the module


def return_class_function():
    return MyClass


def return_object_function():
    return MyClass("hello", 1)


def return_itself(x):
    return x


def is_same(a, b):
    return a is b


def is_my_class(x):
    return x is MyClass


def make_adder_object():
    return Adder()


def make_partial():
    return functools.partial(pow, 2)


# ---- Proxies of what C (or another language) owns ----

def read_attribute(obj, name):
    return getattr(obj, name)


def set_attribute(obj, name, value):
    setattr(obj, name, value)
    return getattr(obj, name)


def call_method(obj, name, *args):
    return getattr(obj, name)(*args)


def names(obj):
    return dir(obj)


def text(obj):
    return repr(obj)


def class_name(cls):
    return cls.__name__


def construct(cls, *args):
    return cls(*args)


def missing_attribute_error(obj):
    try:
        obj.nope
    except AttributeError as error:
        return str(error)
    return "no error"


_kept = []


def keep(obj):
    _kept.append(obj)


def drop_kept():
    _kept.clear()
    gc.collect()


# ---- Lifetime ----

_tracked = []


def make_tracked():
    """An instance whose lifetime the test watches through a weak reference."""
    obj = MyClass("tracked", 0)
    _tracked.append(weakref.ref(obj))
    return obj


def tracked_alive():
    gc.collect()
    return _tracked[-1]() is not None


def round_trips(echo, count):
    """Passes one object through the C function `echo` `count` times: it must come back as itself."""
    obj = MyClass("round trip", 0)
    for _ in range(count):
        if echo(obj) is not obj:
            return False
    return True
