;; A good module beside a broken one: the package loads as a whole or not at all.
(module
  (func $good (export "good") (result i32) i32.const 1))
