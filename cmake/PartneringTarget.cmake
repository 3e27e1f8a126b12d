# Compiler settings for our own targets only (no global flags): C++20, warnings as
# errors, hidden symbols, and the sanitizers when PARTNERING_SANITIZE is on; with PARTNERING_FUZZ
# also libFuzzer's coverage instrumentation (the fuzz targets alone link libFuzzer itself).
function(partnering_target_defaults target)
  target_compile_features(${target} PRIVATE cxx_std_20)
  set_target_properties(${target} PROPERTIES
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wold-style-cast -Wcast-align)
  if(PARTNERING_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined
                                             -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
  if(PARTNERING_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# A core library's public headers: the only ones its users (the CLI, the UNO component, other
# libraries) can include, through ${PARTNERING_PUBLIC_INCLUDE_DIR}/<folder>/, where they are
# linked to the sources. The library's own sources see the whole of src/ (PRIVATE), so a header
# that pulls in <xapian.h> or libxml2 stays inside the library that needs it.
set(PARTNERING_PUBLIC_INCLUDE_DIR ${CMAKE_BINARY_DIR}/include)
function(partnering_public_headers target folder)
  file(MAKE_DIRECTORY ${PARTNERING_PUBLIC_INCLUDE_DIR}/${folder})
  foreach(header IN LISTS ARGN)
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${folder}/${header} ${PARTNERING_PUBLIC_INCLUDE_DIR}/${folder}/${header}
         SYMBOLIC)
  endforeach()
  target_include_directories(${target} PUBLIC ${PARTNERING_PUBLIC_INCLUDE_DIR} PRIVATE ${PROJECT_SOURCE_DIR}/src)
endfunction()
