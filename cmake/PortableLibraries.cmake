# The portable build's dependencies: the same imported targets as the dynamic build's
# (ICU::uc, LibXml2::LibXml2, Boost::locale, PkgConfig::XAPIAN...), over static archives, so
# that partnering.uno.so and the CLI need nothing but glibc, libstdc++ and (the component)
# LibreOffice's URE. Why each library is static:
# - Xapian, libzip, xxhash, Boost.Locale: a user's LibreOffice does not bring them, and their
#   sonames change between Debian releases (libzip4 -> libzip5, Boost 1.74 -> 1.83).
# - ICU and libxml2: LibreOffice loads its own copies into the same process, of another version
#   on another distribution (ICU 76 on Debian 13); ours are linked in and their symbols hidden
#   (partnering_hide_static_symbols), so neither copy sees the other. ICU's data is linked in
#   (libicudata.a), so no .dat file has to be found at run time.
# - libexttextcat, zlib, libdeflate, libgettextpo, libunistring: the few functions used are
#   cheaper to carry than a package a user must install.
# Debian 12 ships static archives of most, but built for executables (-fPIE: they reach data
# such as stderr or libstdc++'s vtables directly, which a shared object cannot), and none of
# Xapian or libzip. So ICU, libxml2, Boost.Locale, libexttextcat, Xapian and libzip are built
# from Debian's source packages, position-independent (cmake/DebianSourceBuilds.cmake); zlib,
# libdeflate and xxhash link as Debian ships them.

include(DebianSourceBuilds)

set(_partneringArchiveDir /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE})

# partnering_static_archive(<imported target> <archive: a file name in Debian's library folder,
#                           or a full path> [INCLUDE_DIRS dir...] [LINK target...])
function(partnering_static_archive target archive)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "" "INCLUDE_DIRS;LINK")
  if(IS_ABSOLUTE ${archive})
    set(location ${archive})
  else()
    set(location ${_partneringArchiveDir}/${archive})
  endif()
  if(NOT EXISTS ${location})
    message(FATAL_ERROR "the portable build needs ${location} (scripts/setup installs the packages holding it)")
  endif()
  add_library(${target} STATIC IMPORTED)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION ${location} IMPORTED_LINK_INTERFACE_LANGUAGES "C;CXX")
  if(ARG_INCLUDE_DIRS)
    set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${ARG_INCLUDE_DIRS}")
  endif()
  if(ARG_LINK)
    set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${ARG_LINK}")
  endif()
endfunction()

find_package(Threads REQUIRED)
# zlib and xxhash: Debian's archives link into a shared object as they are.
partnering_static_archive(Partnering::zlib libz.a)
partnering_static_archive(PkgConfig::XXHASH libxxhash.a)
# libdeflate (writing packages' large parts): Debian's archive is position-independent too.
partnering_static_archive(PkgConfig::LIBDEFLATE libdeflate.a)

# ICU 72 (Debian 12's) with its data.
partnering_debian_static_build(icu PREFIX PARTNERING_ICU_PREFIX)
file(STRINGS ${PARTNERING_ICU_PREFIX}/include/unicode/uvernum.h icuMajor REGEX "^#define U_ICU_VERSION_MAJOR_NUM ")
if(NOT icuMajor MATCHES " 72$")
  message(FATAL_ERROR "the portable build expects ICU 72 (Debian 12), found: ${icuMajor}")
endif()
partnering_static_archive(ICU::data ${PARTNERING_ICU_PREFIX}/lib/libicudata.a)
partnering_static_archive(ICU::uc ${PARTNERING_ICU_PREFIX}/lib/libicuuc.a INCLUDE_DIRS ${PARTNERING_ICU_PREFIX}/include
                          LINK ICU::data ${CMAKE_DL_LIBS} Threads::Threads m)
partnering_static_archive(ICU::i18n ${PARTNERING_ICU_PREFIX}/lib/libicui18n.a LINK ICU::uc)

partnering_debian_static_build(libxml2 PREFIX libxml2Prefix)
partnering_static_archive(LibXml2::LibXml2 ${libxml2Prefix}/lib/libxml2.a INCLUDE_DIRS ${libxml2Prefix}/include/libxml2
                          LINK m)

# Boost.Locale and the Boost.Thread it needs, over our ICU; Debian's Boost headers.
find_package(Boost 1.74 REQUIRED)
partnering_debian_static_build(boost1.74 PREFIX boostPrefix)
partnering_static_archive(Partnering::boost_thread ${boostPrefix}/lib/libboost_thread.a LINK Threads::Threads)
partnering_static_archive(Boost::locale ${boostPrefix}/lib/libboost_locale.a
                          LINK Boost::headers Partnering::boost_thread ICU::i18n ICU::uc)

partnering_debian_static_build(xapian-core PREFIX xapianPrefix)
partnering_static_archive(PkgConfig::XAPIAN ${xapianPrefix}/lib/libxapian.a INCLUDE_DIRS ${xapianPrefix}/include
                          LINK Partnering::zlib)
partnering_debian_static_build(libzip PREFIX libzipPrefix)
partnering_static_archive(PkgConfig::LIBZIP ${libzipPrefix}/lib/libzip.a INCLUDE_DIRS ${libzipPrefix}/include
                          LINK Partnering::zlib)
partnering_debian_static_build(libexttextcat PREFIX exttextcatPrefix)
partnering_static_archive(PkgConfig::EXTTEXTCAT ${exttextcatPrefix}/lib/libexttextcat-2.0.a
                          INCLUDE_DIRS ${exttextcatPrefix}/include/libexttextcat)

# libgettextpo (PO files, the CLI's translators' commands) and the libunistring it is built on:
# Debian's archives, made for executables, which is where they go (the component has no use
# for them, so none of their code reaches partnering.uno.so).
find_path(GETTEXTPO_INCLUDE_DIR gettext-po.h REQUIRED)
partnering_static_archive(Partnering::unistring libunistring.a)
partnering_static_archive(Gettext::po libgettextpo.a INCLUDE_DIRS ${GETTEXTPO_INCLUDE_DIR} LINK Partnering::unistring)

# partnering_hide_static_symbols(<shared object>): every symbol of the archives above stays
# inside it (none exported, none bound to another copy in the process).
function(partnering_hide_static_symbols target)
  target_link_options(${target} PRIVATE -Wl,--exclude-libs,ALL -Wl,-Bsymbolic)
endfunction()
