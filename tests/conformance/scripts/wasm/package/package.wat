;; metacall_load_from_package("wasm", "package") loads every module of this folder.
(module
  (func (export "from_package") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1))))
