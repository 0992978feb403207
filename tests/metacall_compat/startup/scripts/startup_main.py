# In LOADER_SCRIPT_PATH; imports a module found only through py_loader.json's execution path.
import startup_helper


def main():
    return startup_helper.hello_world('test')
