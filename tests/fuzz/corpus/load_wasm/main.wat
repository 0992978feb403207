;; The conformance suite's main module. WebAssembly takes numbers only: add is (i64, i64) -> i64
;; (its parameter names declared through metacall_signatures), echo is (f64) -> f64 (the
;; descriptor's echo_type says so), fail(message) takes a string through the loader's convention
;; (metacall_alloc, metacall_signatures) and returns -1 (wasm code cannot throw a message), and
;; call(f, x) cannot take a function (the callback cases are skipped): it returns x.
(module
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  (data (i32.const 16) "fail(message: string) -> i32\nadd(a: i64, b: i64) -> i64\n")
  ;; a bump allocator: enough for the suite's few strings
  (func (export "metacall_alloc") (param $size i32) (result i32)
    (local $at i32)
    (local.set $at (global.get $next))
    (global.set $next (i32.and (i32.add (i32.add (global.get $next) (local.get $size)) (i32.const 7))
                               (i32.const -8)))
    (local.get $at))
  (func (export "metacall_signatures") (result i64) (i64.const 68719476792)) ;; 16 << 32 | 56
  (func $add (export "add") (param $a i64) (param $b i64) (result i64)
    (i64.add (local.get $a) (local.get $b)))
  (func $echo (export "echo") (param $x f64) (result f64) (local.get $x))
  (func $fail (export "fail") (param $message i32) (param $length i32) (result i32) (i32.const -1))
  (func $call (export "call") (param $f i64) (param $x i64) (result i64) (local.get $x))
  (func $nothing (export "nothing")))
