# Fails while it loads: the command reports the load, not a crash.
raise RuntimeError("broken on purpose at load time")
