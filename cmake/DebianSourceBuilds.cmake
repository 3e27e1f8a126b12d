# Static, position-independent builds of libraries from Debian's own source packages (the same
# code and patches as the distribution's binaries), for the portable .oxt and CLI
# (cmake/PortableLibraries.cmake): Debian 12 ships no static Xapian nor libzip, and its other
# static archives are built for executables (-fPIE), not for a shared object such as
# partnering.uno.so.
#
# Each is built once per Debian version into ${PARTNERING_THIRDPARTY_DIR}/<package>-<version>/
# (include/, lib/*.a, lib/pkgconfig/) and never again while that folder exists. The source
# package is kept beside it (sources/<package>-<version>/), so only the very first build needs
# the network (`apt-get source`, which needs a deb-src entry: scripts/setup adds one).
# The version is the one of the installed -dev package, so the static library and the headers
# Debian installs are one release; a Debian update of that package brings a new build.
#
# partnering_debian_static_build(<source package> PREFIX <output variable>), for a package
# whose recipe cmake/StaticLibraryRecipes.cmake describes.

set(PARTNERING_THIRDPARTY_DIR /var/tmp/partnering-thirdparty CACHE PATH
    "Where the static builds of Debian's source packages are cached, one folder per package and version")

# The source version of the installed binary package `binaryPackage` (e.g. 1.4.22-1).
function(_partnering_debian_source_version binaryPackage outVar)
  execute_process(COMMAND dpkg-query -W -f=\${source:Version} ${binaryPackage}
                  OUTPUT_VARIABLE version RESULT_VARIABLE result ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT result EQUAL 0 OR version STREQUAL "")
    message(FATAL_ERROR "${binaryPackage} is not installed: its version names the source package to build "
                        "statically (scripts/setup installs it)")
  endif()
  set(${outVar} ${version} PARENT_SCOPE)
endfunction()

# Runs one build step quietly into `log`; on failure shows the log's end and stops.
function(_partnering_build_step log workingDirectory)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${workingDirectory}
                  OUTPUT_FILE ${log}.step ERROR_FILE ${log}.step RESULT_VARIABLE result)
  file(READ ${log}.step output)
  file(APPEND ${log} "\$ ${ARGN}\n${output}")
  file(REMOVE ${log}.step)
  if(NOT result EQUAL 0)
    string(LENGTH "${output}" length)
    if(length GREATER 4000)
      math(EXPR start "${length} - 4000")
      string(SUBSTRING "${output}" ${start} -1 output)
    endif()
    message(FATAL_ERROR "${output}\nbuilding a static library from Debian's sources failed at: ${ARGN}\n"
                        "(the whole log: ${log})")
  endif()
endfunction()

# The unpacked source package (Debian's patches applied) in a fresh `workDir`/src; downloads
# the source package into the cache the first time.
function(_partnering_unpack_debian_source package version workDir outSourceDir)
  set(sources ${PARTNERING_THIRDPARTY_DIR}/sources/${package}-${version})
  string(REGEX REPLACE "^[0-9]+:" "" fileVersion ${version}) # an epoch is not part of file names
  set(dsc ${sources}/${package}_${fileVersion}.dsc)
  if(NOT EXISTS ${dsc})
    message(STATUS "Downloading Debian's source package ${package} ${version}")
    set(download ${sources}.part)
    file(REMOVE_RECURSE ${download})
    file(MAKE_DIRECTORY ${download})
    execute_process(COMMAND apt-get source --download-only ${package}=${version}
                    WORKING_DIRECTORY ${download} RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE error)
    if(NOT result EQUAL 0 OR NOT EXISTS ${download}/${package}_${fileVersion}.dsc)
      message(FATAL_ERROR "cannot download Debian's source package ${package} ${version}: ${error}\n"
                          "apt needs a deb-src entry for bookworm (scripts/setup adds one) and the network, "
                          "the first time only")
    endif()
    file(REMOVE_RECURSE ${sources})
    file(RENAME ${download} ${sources})
  endif()
  file(REMOVE_RECURSE ${workDir})
  file(MAKE_DIRECTORY ${workDir})
  # dpkg-source checks the files against the .dsc's checksums and applies Debian's patches.
  _partnering_build_step(${workDir}/build.log ${workDir} dpkg-source -x ${dsc} src)
  set(${outSourceDir} ${workDir}/src PARENT_SCOPE)
endfunction()

# Debian's own compiler flags for its packages (hardening included), plus -fPIC: the archives
# go into a shared object.
function(_partnering_debian_build_flags outCFlags outCxxFlags outCppFlags outLdFlags)
  foreach(kind CFLAGS CXXFLAGS CPPFLAGS LDFLAGS)
    execute_process(COMMAND dpkg-buildflags --get ${kind} OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE)
    set(${kind} "${flags}")
  endforeach()
  set(${outCFlags} "${CFLAGS} -fPIC" PARENT_SCOPE)
  set(${outCxxFlags} "${CXXFLAGS} -fPIC" PARENT_SCOPE)
  set(${outCppFlags} "${CPPFLAGS}" PARENT_SCOPE)
  set(${outLdFlags} "${LDFLAGS}" PARENT_SCOPE)
endfunction()

set(PARTNERING_THIRDPARTY_JOBS 2 CACHE STRING "Parallel jobs for the static builds of Debian's source packages")

function(partnering_debian_static_build package)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "PREFIX" "")
  if(NOT COMMAND _partnering_build_${package})
    message(FATAL_ERROR "no static build is described for ${package} (cmake/StaticLibraryRecipes.cmake)")
  endif()
  set(build _partnering_build_${package})
  set(devPackage ${PARTNERING_RECIPE_${package}_VERSION_OF})
  set(recipe ${PARTNERING_RECIPE_${package}_REVISION})
  _partnering_debian_source_version(${devPackage} version)
  set(prefix ${PARTNERING_THIRDPARTY_DIR}/${package}-${version}+r${recipe})
  set(${ARG_PREFIX} ${prefix} PARENT_SCOPE)
  if(EXISTS ${prefix}/lib)
    return()
  endif()

  # Several build folders (worktrees, presets) may configure at once: one builds, the others
  # wait for it and then find the result.
  file(MAKE_DIRECTORY ${PARTNERING_THIRDPARTY_DIR})
  file(LOCK ${prefix}.lock GUARD FUNCTION TIMEOUT 7200)
  if(EXISTS ${prefix}/lib)
    return()
  endif()
  message(STATUS "Building ${package} ${version} as a static library, once (into ${prefix})")
  set(workDir ${PARTNERING_THIRDPARTY_DIR}/work/${package}-${version}+r${recipe})
  _partnering_unpack_debian_source(${package} ${version} ${workDir} sourceDir)
  file(MAKE_DIRECTORY ${workDir}/build)
  # Installed under a staging root, then renamed into place: a half-built prefix never looks
  # complete, and the paths written into it (pkg-config, libtool) are already the final ones.
  set(destDir ${workDir}/root)
  cmake_language(CALL ${build} ${sourceDir} ${workDir}/build ${prefix} ${destDir} ${workDir}/build.log)
  file(RENAME ${destDir}${prefix} ${prefix})
  file(REMOVE_RECURSE ${workDir})
  message(STATUS "Built ${package} ${version} into ${prefix}")
endfunction()

include(StaticLibraryRecipes)
