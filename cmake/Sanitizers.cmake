# METACALL_SANITIZE: AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer for every
# target of the build, so plug-ins and tests are checked together with the core.
if(METACALL_SANITIZE)
  set(_metacall_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined
                               -fno-omit-frame-pointer)
  add_compile_options(${_metacall_sanitize_flags})
  add_link_options(${_metacall_sanitize_flags})
endif()
