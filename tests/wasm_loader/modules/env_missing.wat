;; Imports a function nothing provides: the load fails naming it.
(module
  (import "env" "missing" (func $missing (param i32)))
  (func $f (export "f")
    i32.const 0
    call $missing))
