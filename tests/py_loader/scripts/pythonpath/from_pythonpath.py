"""Found only through PYTHONPATH (tests/py_loader: py_loader.environment.PythonPath)."""
