# Module hooks: __metacall_initialize__ runs right after the load, __metacall_finalize__ when the
# handle goes away. `ready` tells whether the first one ran.
ready = False


def __metacall_initialize__():
    global ready
    ready = True
    return 0


def is_ready():
    return ready


def __metacall_finalize__():
    return 0
