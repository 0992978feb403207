# Imported by name from a folder added with metacall_execution_path_s (tests/metacall_compat).
def times(value, factor):
    return value * factor
