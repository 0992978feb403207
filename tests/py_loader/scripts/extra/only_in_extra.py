"""Found only through metacall_execution_path("py", ".../extra")."""


def where() -> str:
    return "extra"
