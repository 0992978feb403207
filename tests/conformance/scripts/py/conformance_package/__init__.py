"""The package's entry point: `import conformance_package`."""


def from_package(a: int, b: int) -> int:
    return a + b
