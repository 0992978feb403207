;; Starts with 3 pages (196608 bytes): more than a 2-page memory cap allows.
(module
  (memory 3)
  (func $f (export "f") (result i32) i32.const 0))
