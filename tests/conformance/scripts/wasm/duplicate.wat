;; Defines add again (the global scope must refuse it, a handle must accept it).
(module
  (func (export "add") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
  (func (export "only_in_duplicate") (param f64) (result f64) (local.get 0)))
