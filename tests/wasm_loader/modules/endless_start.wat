;; A start function that never ends: only a fuel budget lets the load finish (it fails).
(module
  (func $forever
    (loop $again
      br $again))
  (start $forever))
