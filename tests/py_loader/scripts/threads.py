"""Threads: a counter thread started by the script, and calls from Python threads into C."""
import threading
import time

counter = 0
_stop = threading.Event()


def _count():
    global counter
    while not _stop.is_set():
        counter += 1
        time.sleep(0.001)


def start_counter():
    _stop.clear()
    threading.Thread(target=_count, name="counter", daemon=True).start()


def read_counter() -> int:
    return counter


def stop_counter():
    _stop.set()


def add(a: int, b: int) -> int:
    return a + b


def call_from_threads(f, count: int) -> list:
    """Calls f(i) from `count` Python threads at once; the results in order."""
    results = [None] * count

    def work(i):
        results[i] = f(i)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
