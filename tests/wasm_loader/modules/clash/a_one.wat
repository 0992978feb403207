;; Exports 'value', as b_two.wat does: one handle cannot hold both.
(module
  (func $value (export "value") (result i32) i32.const 1))
