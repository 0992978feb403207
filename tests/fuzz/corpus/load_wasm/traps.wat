;; One export per kind of trap, and a cheap one to show the instance still works afterwards.
(module
  (memory 1)
  (type $gives_i32 (func (result i32)))
  (type $takes_i64 (func (param i64)))
  (table 2 funcref)
  (elem (i32.const 1) $answer)
  (func $answer (type $gives_i32) i32.const 42)
  (func $hit_unreachable (export "hit_unreachable")
    unreachable)
  (func $divide (export "divide") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s)
  ;; one page is 65536 bytes
  (func $load_far (export "load_far") (param i32) (result i32)
    local.get 0
    i32.load)
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    call $recurse)
  (func $call_slot (export "call_slot") (param i32) (result i32)
    local.get 0
    call_indirect (type $gives_i32))
  (func $call_slot_as_i64 (export "call_slot_as_i64") (param i32)
    i64.const 0
    local.get 0
    call_indirect (type $takes_i64))
  (func $ok (export "ok") (result i32) i32.const 7))
