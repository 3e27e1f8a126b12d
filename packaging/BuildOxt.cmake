# Assembles the .oxt from the extension's source tree and the built pieces, then zips it
# next to its final name and renames it into place, so a half-written .oxt never exists.
# Script mode: cmake -DSOURCE=extension/ -DUI=<generated tree> -DLOCALE=<dir> -DCOMPONENT=<so>
#                    -DRDB=<rdb> -DLESSONS=<index dir> -DTEMPLATES=<dir> -DFINGERPRINTS=<dir>
#                    -DLICENSE=<file>
#                    -DTREE=<dir> -DOUTPUT=<file.oxt> -P BuildOxt.cmake
file(REMOVE_RECURSE "${TREE}")
file(MAKE_DIRECTORY "${TREE}/lib" "${TREE}/types" "${TREE}/registration")
# The generated tree: manifest, description.xml and description/, registry/, dialogs/.
file(COPY "${UI}/" DESTINATION "${TREE}")
file(COPY "${SOURCE}/partnering.components" DESTINATION "${TREE}")
if(EXISTS "${SOURCE}/images")
  file(COPY "${SOURCE}/images" DESTINATION "${TREE}")
endif()
file(COPY "${LOCALE}" DESTINATION "${TREE}")
file(COPY "${LESSONS}/" DESTINATION "${TREE}/lessons")
file(COPY "${TEMPLATES}/" DESTINATION "${TREE}/templates")
file(COPY "${FINGERPRINTS}/" DESTINATION "${TREE}/textcat")
file(COPY_FILE "${COMPONENT}" "${TREE}/lib/partnering.uno.so")
file(COPY_FILE "${RDB}" "${TREE}/types/partnering.rdb")
file(COPY_FILE "${LICENSE}" "${TREE}/registration/LICENSE.txt")

file(GLOB_RECURSE entries RELATIVE "${TREE}" "${TREE}/*")
list(SORT entries)
file(REMOVE "${OUTPUT}.part")
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf "${OUTPUT}.part" --format=zip -- ${entries}
                WORKING_DIRECTORY "${TREE}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE "${OUTPUT}.part")
  message(FATAL_ERROR "zipping ${OUTPUT} failed: ${result}")
endif()
file(RENAME "${OUTPUT}.part" "${OUTPUT}")
