;; Strings and buffers (README.md, "Strings and buffers"): a bump allocator, the declarations in
;; a data segment, and functions taking and returning (pointer, length) pairs. metacall_free
;; only counts the bytes it is given back, so a test can check what the host releases.
(module
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  (global $freed (mut i32) (i32.const 0))
  ;; 106 bytes at 16
  (data (i32.const 16)
    "greet(name: string) -> string\n"
    "length(data: buffer) -> i32\n"
    "copy(data: buffer) -> buffer\n"
    "broken() -> string\n")
  (data (i32.const 128) "hello, ")
  (func $metacall_alloc (export "metacall_alloc") (param $size i32) (result i32)
    (local $at i32)
    global.get $next
    local.set $at
    global.get $next
    local.get $size
    i32.add
    global.set $next
    local.get $at)
  (func $metacall_free (export "metacall_free") (param $at i32) (param $size i32)
    global.get $freed
    local.get $size
    i32.add
    global.set $freed)
  (func $metacall_signatures (export "metacall_signatures") (result i64)
    i64.const 16
    i64.const 32
    i64.shl
    i64.const 106
    i64.or)
  ;; "hello, " + name, as (pointer << 32 | length)
  (func $greet (export "greet") (param $name i32) (param $length i32) (result i64)
    (local $out i32)
    local.get $length
    i32.const 8 ;; 7 bytes of "hello, " and a NUL
    i32.add
    call $metacall_alloc
    local.set $out
    local.get $out
    i32.const 128
    i32.const 7
    memory.copy
    local.get $out
    i32.const 7
    i32.add
    local.get $name
    local.get $length
    memory.copy
    local.get $out
    i64.extend_i32_u
    i64.const 32
    i64.shl
    local.get $length
    i32.const 7
    i32.add
    i64.extend_i32_u
    i64.or)
  (func $length (export "length") (param $data i32) (param $size i32) (result i32)
    local.get $size)
  ;; a copy of the bytes, as (pointer << 32 | length)
  (func $copy (export "copy") (param $data i32) (param $size i32) (result i64)
    (local $out i32)
    local.get $size
    call $metacall_alloc
    local.set $out
    local.get $out
    local.get $data
    local.get $size
    memory.copy
    local.get $out
    i64.extend_i32_u
    i64.const 32
    i64.shl
    local.get $size
    i64.extend_i32_u
    i64.or)
  ;; a string of 2^32 - 1 bytes at 2^32 - 1: outside any memory
  (func $broken (export "broken") (result i64)
    i64.const -1)
  ;; not declared: a number function as any other
  (func $freed (export "freed") (result i32)
    global.get $freed))
