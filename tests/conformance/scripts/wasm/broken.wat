;; Does not validate (i32.add on one operand): the load must fail and name this file.
(module
  (func (export "broken") (param i32) (result i32) (i32.add (local.get 0))))
