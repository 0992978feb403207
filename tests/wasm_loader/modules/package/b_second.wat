;; The other module of the package folder.
(module
  (func $second (export "second") (param i64) (result i64)
    local.get 0
    i64.const 2
    i64.mul))
