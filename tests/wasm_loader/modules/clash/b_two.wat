;; Exports 'value', as a_one.wat does.
(module
  (func $value (export "value") (result i32) i32.const 2))
