"""Node on Python's own thread, driven by asyncio (see the README, "Threads and event loops").

When this package started libmetacall (a plain `python3`), the first load of a node script on the
main thread starts Node there, shared (metacall_pump_ex with METACALL_PUMP_SHARED |
METACALL_PUMP_ON_CALLS): calls from the main thread run directly, with no handoff; calls from other
threads run on their own thread under V8's lock, so no thread waits for the main one to come back.
Node's event loop then progresses:
- at the end of the main thread's calls (promise jobs always; due timers and I/O every few ms);
- while an asyncio loop runs on the main thread, through that loop: `Driver` registers the libuv
  loop's descriptor with `add_reader` and schedules its next timer with `call_later`;
- during metacall_pump() and metacall_wait().
`METACALL_NODE_THREAD=own` keeps Node on a thread of its own instead (each call handed over).
"""
import os
import threading

SHARED = 1     # METACALL_PUMP_SHARED (metacall.h)
ON_CALLS = 2   # METACALL_PUMP_ON_CALLS
TAG = "node"


class NodeHome:
    """Whether Node runs on the main thread, and the asyncio loop driving it."""

    def __init__(self, port, host):
        self._port = port
        # Only where this package started libmetacall: a C host's process is the host's to arrange.
        self._pending = host and os.environ.get("METACALL_NODE_THREAD", "") != "own"
        self.here = False      # Node runs on the main thread
        self._loop = None      # the asyncio loop driving it
        self._timer = None

    def adopt(self, tag):
        """Before a load (or pump) of `tag`: starts Node on the main thread, the first time."""
        if tag != TAG or not self._pending or threading.current_thread() is not threading.main_thread():
            return
        self._pending = False
        try:
            self._port.pump_ex(TAG, SHARED | ON_CALLS)
        except RuntimeError:
            return  # Node already runs on a thread of its own (a load from another thread came first)
        self.here = True
        # Told before a call of each asyncio loop that starts running (asyncio.run), so that it
        # drives Node even when the script only calls inside it.
        self._port.watch_loops(self._on_loop)

    def _on_loop(self, loop):
        try:
            self.drive(loop)
        except Exception:  # noqa: BLE001  (Node stopped: the call says why)
            pass

    def drive(self, loop):
        """Makes `loop` (an asyncio loop of the main thread) drive Node's event loop."""
        if not self.here or loop is self._loop or threading.current_thread() is not threading.main_thread():
            return
        self.release()
        fd, timeout = self._port.pump_poll(TAG)
        loop.add_reader(fd, self._turn)
        self._loop = loop
        self._schedule(timeout)

    def drives(self, loop):
        """Whether `loop` drives Node's loop (it runs on the main thread and was picked up)."""
        return loop is self._loop

    def release(self):
        """Stops driving from the current loop (it closed, or another one took over)."""
        loop, self._loop = self._loop, None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if loop is not None and not loop.is_closed():
            try:
                loop.remove_reader(self._port.pump_poll(TAG)[0])
            except (RuntimeError, ValueError):
                pass

    def _turn(self):
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            self._port.pump(TAG)
            timeout = self._port.pump_poll(TAG)[1]
        except RuntimeError:  # inside a call of Node, or Node stopped: the next turn tries again
            timeout = 1
        if self._loop is loop:
            self._schedule(timeout)

    def _schedule(self, timeout_ms):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if timeout_ms >= 0:
            self._timer = self._loop.call_later(timeout_ms / 1000.0, self._turn)
