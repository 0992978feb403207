# Loaded by host_demo through the py loader: a Python function the C++ host calls by name.
def greet_from_python(name: str) -> str:
    return f"hello from Python, {name}"
