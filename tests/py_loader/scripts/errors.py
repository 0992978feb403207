"""Exceptions both ways."""


class CustomError(Exception):
    pass


def raise_custom(message: str):
    raise CustomError(message)


def raise_key():
    return {}["missing"]


def _inner_failure():
    raise ValueError("deep inside")


def outer_failure():
    _inner_failure()


def catch_from(f, *args):
    """Calls f and describes what it raised: [type name, message, is RuntimeError, notes]."""
    try:
        f(*args)
    except BaseException as error:  # noqa: BLE001 - the test wants everything
        return [type(error).__name__, str(error), isinstance(error, RuntimeError),
                getattr(error, "__notes__", [])]
    return None


def call(f, *args):
    return f(*args)


def raise_system_exit():
    raise SystemExit(3)
