# CMake toolchain for 32-bit Raspberry Pi OS (armhf, Pi 2 and later) with crossbuild-essential-armhf
# and a sysroot of Debian's armhf packages that cross/build.sh unpacks (no armhf multiarch needed).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)
set(CMAKE_LIBRARY_ARCHITECTURE arm-linux-gnueabihf)
set(SF_DEB_ARCH armhf)
# GCC notes on every std::sort that the argument passing of some iterators changed in GCC 7.1; all
# of the program and its libraries are built by GCC 12, so the note says nothing here.
set(CMAKE_CXX_FLAGS_INIT "-Wno-psabi")

# The sysroot holds the headers, libraries and pkg-config files of every armhf -dev package. A
# multiarch co-install would be simpler, but one stale armhf index on a mirror rolls back the whole
# apt transaction, so the sysroot is unpacked by cross/build.sh instead.
if(NOT SF_ARMHF_SYSROOT)
  set(SF_ARMHF_SYSROOT "${CMAKE_CURRENT_LIST_DIR}/../build-sysroot-armhf")
endif()
get_filename_component(SF_ARMHF_SYSROOT "${SF_ARMHF_SYSROOT}" ABSOLUTE)
set(SF_ARMHF_SYSROOT "${SF_ARMHF_SYSROOT}" CACHE PATH "armhf sysroot made by cross/build.sh armhf")
set(CMAKE_SYSROOT "${SF_ARMHF_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH "${SF_ARMHF_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# The host's pkg-config, told to read only the sysroot's .pc files and to prefix their paths.
set(ENV{PKG_CONFIG_DIR} "")
set(ENV{PKG_CONFIG_LIBDIR} "${SF_ARMHF_SYSROOT}/usr/lib/arm-linux-gnueabihf/pkgconfig:${SF_ARMHF_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${SF_ARMHF_SYSROOT}")

# Tests run under qemu-arm with the sysroot's own loader and libc, so nothing mixes with the host's.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L "${SF_ARMHF_SYSROOT}")
