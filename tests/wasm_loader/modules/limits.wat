;; Endless and counted loops (fuel, interrupts) and memory growth (the memory cap).
(module
  (memory (export "memory") 1)
  (func $spin (export "spin")
    (loop $again
      br $again))
  ;; about 5 units of fuel per turn
  (func $count_down (export "count_down") (param i32) (result i32)
    (loop $again
      local.get 0
      i32.const 1
      i32.sub
      local.tee 0
      br_if $again)
    local.get 0)
  (func $cheap (export "cheap") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  ;; memory.grow gives the previous size in pages, or -1 when the memory cannot grow
  (func $grow (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)
  (func $pages (export "pages") (result i32)
    memory.size))
