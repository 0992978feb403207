;; Host functions through the "metacall" import module (registered with metacall_registerv).
(module
  (import "metacall" "twice" (func $twice (param i64) (result i64)))
  (import "metacall" "half" (func $half (param f64) (result f64)))
  (import "metacall" "fail" (func $fail (param i32) (result i32)))
  (import "metacall" "unregistered" (func $unregistered))
  ;; a host function that calls back into this instance
  (import "metacall" "reenter" (func $reenter (param i32) (result i32)))
  (func $quad (export "quad") (param i64) (result i64)
    local.get 0
    call $twice
    call $twice)
  (func $quarter (export "quarter") (param f64) (result f64)
    local.get 0
    call $half
    call $half)
  (func $calls_fail (export "calls_fail") (param i32) (result i32)
    local.get 0
    call $fail)
  (func $calls_unregistered (export "calls_unregistered")
    call $unregistered)
  (func $calls_reenter (export "calls_reenter") (param i32) (result i32)
    local.get 0
    call $reenter)
  (func $ok (export "ok") (result i32) i32.const 1))
