;; Numbers for the ports' tests (tests/py_port, tests/node_port): one function per wasm number
;; type, two results, and a trap.
(module
  (func (export "wasm_add") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.add)
  (func (export "wasm_mul64") (param i64 i64) (result i64)
    local.get 0 local.get 1 i64.mul)
  (func (export "wasm_half") (param f32) (result f32)
    local.get 0 f32.const 0.5 f32.mul)
  (func (export "wasm_hypot") (param f64 f64) (result f64)
    local.get 0 local.get 0 f64.mul local.get 1 local.get 1 f64.mul f64.add f64.sqrt)
  (func (export "wasm_divmod") (param i32 i32) (result i32 i32)
    local.get 0 local.get 1 i32.div_s local.get 0 local.get 1 i32.rem_s)
  (func (export "wasm_divide") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_s)
  (func (export "wasm_spin") (loop br 0)))
