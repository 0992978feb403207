;; Numbers in and out: every wasm number type, conversions of arguments, several results.
(module
  (func $add (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func $echo_i32 (export "echo_i32") (param i32) (result i32) local.get 0)
  (func $echo_i64 (export "echo_i64") (param i64) (result i64) local.get 0)
  (func $echo_f32 (export "echo_f32") (param f32) (result f32) local.get 0)
  (func $echo_f64 (export "echo_f64") (param f64) (result f64) local.get 0)
  ;; i32 is sign-agnostic: i32.lt_u tells whether the bits of its argument read as unsigned.
  (func $is_above_2g (export "is_above_2g") (param i32) (result i32)
    i32.const 0x7fffffff
    local.get 0
    i32.lt_u)
  ;; (i32, i64, f32, f64) -> their sum as f64
  (func $mixed (export "mixed") (param i32 i64 f32 f64) (result f64)
    local.get 0
    f64.convert_i32_s
    local.get 1
    f64.convert_i64_s
    f64.add
    local.get 2
    f64.promote_f32
    f64.add
    local.get 3
    f64.add)
  ;; two results: quotient and remainder
  (func $divmod (export "divmod") (param i32 i32) (result i32 i32)
    local.get 0
    local.get 1
    i32.div_u
    local.get 0
    local.get 1
    i32.rem_u)
  (func $nothing (export "nothing")))
