;; Not WAT: an unbalanced parenthesis.
(module
  (func $broken (export "broken") (result i32) i32.const 1)
