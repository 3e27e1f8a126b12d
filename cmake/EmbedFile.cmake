# Turns a data file into a C++ source defining `std::string_view <SYMBOL>()` so the core
# carries its definitions (journey, schemas) inside the binary and cannot lose them.
# Script mode: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=ns::name -P EmbedFile.cmake
if(CMAKE_SCRIPT_MODE_FILE)
  file(READ "${INPUT}" hex HEX)
  string(LENGTH "${hex}" hexLength)
  math(EXPR byteCount "${hexLength} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" bytes "${bytes}")
  string(REGEX MATCH "^(.*)::([^:]+)$" _ "${SYMBOL}")
  set(namespace "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by EmbedFile.cmake: do not edit.\n#include <string_view>\nnamespace ${namespace} {\nnamespace {\nconstexpr char kBytes[] = {\n${bytes}'\\0'};\n}\nstd::string_view ${name}() { return {kBytes, ${byteCount}}; }\n}\n")
  file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
  return()
endif()

set(PARTNERING_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

# partnering_embed_file(<target> <input file> <namespace::function>)
function(partnering_embed_file target input symbol)
  get_filename_component(stem "${input}" NAME)
  string(MAKE_C_IDENTIFIER "${stem}" stem)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cpp")
  add_custom_command(OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol} -P ${PARTNERING_EMBED_SCRIPT}
    DEPENDS "${input}" ${PARTNERING_EMBED_SCRIPT}
    COMMENT "Embedding ${stem}"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
