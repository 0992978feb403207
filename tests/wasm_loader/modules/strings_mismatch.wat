;; Declares greet as taking and returning a string, but greet is (i32) -> i32 in wasm.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "greet(name: string) -> string\n")
  (func $metacall_alloc (export "metacall_alloc") (param i32) (result i32) i32.const 1024)
  (func $metacall_signatures (export "metacall_signatures") (result i64)
    i64.const 16
    i64.const 32
    i64.shl
    i64.const 30
    i64.or)
  (func $greet (export "greet") (param i32) (result i32) local.get 0))
