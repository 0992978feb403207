;; One of the two modules of the package folder (loaded in name order).
(module
  (func $first (export "first") (result i32) i32.const 1))
