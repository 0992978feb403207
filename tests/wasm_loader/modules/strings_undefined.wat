;; Declares a function 'ghost' the module does not export.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "ghost(x: i32) -> i32\n")
  (func $metacall_signatures (export "metacall_signatures") (result i64)
    i64.const 16
    i64.const 32
    i64.shl
    i64.const 21
    i64.or)
  (func $present (export "present") (param i32) (result i32) local.get 0))
