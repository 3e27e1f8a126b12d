# How each library of the portable build is built from its Debian source package
# (cmake/DebianSourceBuilds.cmake runs them): the library alone, static, position-independent,
# with Debian's compiler flags and the fewest options that hold.
#
# Per source package <p>:
#   PARTNERING_RECIPE_<p>_VERSION_OF  the installed -dev package whose version is built
#   PARTNERING_RECIPE_<p>_REVISION    part of the cache folder's name (<p>-<version>+r<n>): raise
#                                     it when the recipe changes, so an older build is not reused
#   _partnering_build_<p>(sourceDir buildDir prefix destDir log)
#                                     configures for `prefix`, builds, installs under destDir

set(PARTNERING_THIRDPARTY_JOBS 2 CACHE STRING "Parallel jobs for the static builds of Debian's source packages")

# ICU (uc, i18n and the data): LibreOffice has its own ICU in the process, ours must be a
# hidden copy. The data comes from the source's own packaged archive (data/in/icudt72l.dat)
# linked in as libicudata.a; io, layoutex, extras, tests and samples are left out.
set(PARTNERING_RECIPE_icu_VERSION_OF libicu-dev)
set(PARTNERING_RECIPE_icu_REVISION 1)
function(_partnering_build_icu sourceDir buildDir prefix destDir log)
  _partnering_debian_build_flags(cflags cxxflags cppflags ldflags)
  _partnering_build_step(${log} ${buildDir}
    nice ${sourceDir}/source/configure --prefix=${prefix} --enable-static --disable-shared
         --with-data-packaging=static --disable-extras --disable-icuio --disable-layoutex --disable-tests
         --disable-samples --disable-icu-config
         "CFLAGS=${cflags}" "CXXFLAGS=${cxxflags}" "CPPFLAGS=${cppflags}" "LDFLAGS=${ldflags}")
  _partnering_build_step(${log} ${buildDir} nice make -j${PARTNERING_THIRDPARTY_JOBS})
  _partnering_build_step(${log} ${buildDir} make DESTDIR=${destDir} install)
endfunction()

# libxml2: the library alone, without ICU (glibc's iconv converts every encoding we read),
# compressed input, HTTP, FTP or Python. One of Debian's patches adds a test program to
# Makefile.am, which would make `make` regenerate the build files with automake; the library
# does not need that program, so the generated files are marked up to date instead (Debian
# regenerates them with dh_autoreconf, which would need autoconf, automake and libtool here).
set(PARTNERING_RECIPE_libxml2_VERSION_OF libxml2-dev)
set(PARTNERING_RECIPE_libxml2_REVISION 1)
function(_partnering_build_libxml2 sourceDir buildDir prefix destDir log)
  _partnering_debian_build_flags(cflags cxxflags cppflags ldflags)
  file(TOUCH ${buildDir}/autotools.stamp)
  _partnering_build_step(${log} ${sourceDir}
    find . ( -name Makefile.in -o -name configure -o -name aclocal.m4 -o -name config.h.in )
         -exec touch -r ${buildDir}/autotools.stamp {} +)
  _partnering_build_step(${log} ${sourceDir}
    nice ./configure --prefix=${prefix} --disable-shared --enable-static --with-pic --without-python
         --without-icu --without-lzma --without-zlib --without-http --without-ftp --without-debug
         "CFLAGS=${cflags}" "CPPFLAGS=${cppflags}" "LDFLAGS=${ldflags}")
  _partnering_build_step(${log} ${sourceDir} nice make -j${PARTNERING_THIRDPARTY_JOBS} libxml2.la)
  _partnering_build_step(${log} ${sourceDir} make DESTDIR=${destDir} install-libLTLIBRARIES install-pkgconfigDATA)
  _partnering_build_step(${log} ${sourceDir}/include/libxml make DESTDIR=${destDir} install)
endfunction()

# libexttextcat: the library alone (not its fingerprint maker).
set(PARTNERING_RECIPE_libexttextcat_VERSION_OF libexttextcat-dev)
set(PARTNERING_RECIPE_libexttextcat_REVISION 1)
function(_partnering_build_libexttextcat sourceDir buildDir prefix destDir log)
  _partnering_debian_build_flags(cflags cxxflags cppflags ldflags)
  _partnering_build_step(${log} ${sourceDir}
    nice ./configure --prefix=${prefix} --disable-shared --enable-static --with-pic
         "CFLAGS=${cflags}" "CPPFLAGS=${cppflags}" "LDFLAGS=${ldflags}")
  _partnering_build_step(${log} ${sourceDir}/src nice make -j${PARTNERING_THIRDPARTY_JOBS} libexttextcat-2.0.la)
  _partnering_build_step(${log} ${sourceDir}/src
    make DESTDIR=${destDir} install-libLTLIBRARIES install-libexttextcat_2_0_includeHEADERS)
endfunction()

# Boost.Locale (gettext catalogs, with its ICU backend over our ICU) and Boost.Thread, which it
# needs; the headers are Debian's own (libboost1.74-dev), the same release. Debian's source
# leaves out b2's generated grammar: bison makes it, as Debian's own build does.
set(PARTNERING_RECIPE_boost1.74_VERSION_OF libboost-locale1.74-dev)
set(PARTNERING_RECIPE_boost1.74_REVISION 1)
function(_partnering_build_boost1.74 sourceDir buildDir prefix destDir log)
  if(NOT PARTNERING_ICU_PREFIX)
    message(FATAL_ERROR "Boost.Locale is built over the static ICU: build icu first")
  endif()
  _partnering_debian_build_flags(cflags cxxflags cppflags ldflags)
  _partnering_build_step(${log} ${sourceDir}/tools/build
    bison -y -d -o src/engine/jamgram.cpp src/engine/jamgram.y)
  _partnering_build_step(${log} ${sourceDir} nice ./bootstrap.sh --with-libraries=locale,thread)
  _partnering_build_step(${log} ${sourceDir}
    nice ./b2 -q -j${PARTNERING_THIRDPARTY_JOBS} --build-dir=${buildDir} --stagedir=${buildDir}/stage
         --with-locale --with-thread variant=release link=static runtime-link=shared threading=multi
         "cflags=${cflags} ${cppflags}" "cxxflags=${cxxflags} ${cppflags}"
         boost.locale.icu=on boost.locale.iconv=on boost.locale.posix=on boost.locale.std=on
         -sICU_PATH=${PARTNERING_ICU_PREFIX} stage)
  file(GLOB archives ${buildDir}/stage/lib/*.a)
  file(COPY ${archives} DESTINATION ${destDir}${prefix}/lib)
endfunction()

# Xapian: the library alone (no tools, tests or documentation), glass backend and the remote
# backend's client (the organisation's shared library, `--remote HOST:PORT`); chert (the old
# format) and inmemory are left out, nothing of ours opens them. A new database's UUID comes
# from Linux's /proc/sys/kernel/random/uuid (Xapian's own fallback) rather than libuuid, whose
# Debian archive is not position-independent.
set(PARTNERING_RECIPE_xapian-core_VERSION_OF libxapian-dev)
set(PARTNERING_RECIPE_xapian-core_REVISION 2)
function(_partnering_build_xapian-core sourceDir buildDir prefix destDir log)
  _partnering_debian_build_flags(cflags cxxflags cppflags ldflags)
  _partnering_build_step(${log} ${sourceDir}
    nice ./configure --prefix=${prefix} --disable-shared --enable-static --with-pic --disable-documentation
         --disable-backend-chert --disable-backend-inmemory ac_cv_header_uuid_uuid_h=no ac_cv_header_uuid_h=no
         "CFLAGS=${cflags}" "CXXFLAGS=${cxxflags}" "CPPFLAGS=${cppflags}" "LDFLAGS=${ldflags}")
  _partnering_build_step(${log} ${sourceDir} nice make -j${PARTNERING_THIRDPARTY_JOBS} libxapian.la)
  _partnering_build_step(${log} ${sourceDir}
    make DESTDIR=${destDir} install-libLTLIBRARIES install-incHEADERS install-xapianincludeHEADERS
         install-nodist_xapianincludeHEADERS install-nodist_pkgconfigDATA)
endfunction()

# libzip: the library alone, deflate and store (what ODF packages use); no encryption, bzip2
# or xz, which would each bring a library more.
set(PARTNERING_RECIPE_libzip_VERSION_OF libzip-dev)
set(PARTNERING_RECIPE_libzip_REVISION 1)
function(_partnering_build_libzip sourceDir buildDir prefix destDir log)
  _partnering_debian_build_flags(cflags cxxflags cppflags ldflags)
  _partnering_build_step(${log} ${buildDir}
    nice ${CMAKE_COMMAND} -G Ninja -S ${sourceDir} -B ${buildDir} -DCMAKE_BUILD_TYPE=None
         -DCMAKE_INSTALL_PREFIX=${prefix} -DCMAKE_INSTALL_LIBDIR=lib "-DCMAKE_C_FLAGS=${cflags} ${cppflags}"
         -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DBUILD_SHARED_LIBS=OFF
         -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF
         -DENABLE_WINDOWS_CRYPTO=OFF -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF
         -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF)
  _partnering_build_step(${log} ${buildDir} nice ${CMAKE_COMMAND} --build ${buildDir} -j ${PARTNERING_THIRDPARTY_JOBS})
  _partnering_build_step(${log} ${buildDir} ${CMAKE_COMMAND} -E env DESTDIR=${destDir} ${CMAKE_COMMAND} --install ${buildDir})
endfunction()
