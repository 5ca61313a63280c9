# CMake toolchain for 64-bit Raspberry Pi OS (arm64) with Debian's multiarch cross packages:
# crossbuild-essential-arm64, pkgconf:arm64 and the -dev:arm64 libraries.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "pkg-config for arm64")
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(SF_DEB_ARCH arm64)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# Run cross-built tests under qemu-user; no -L (see the platform notes: it hangs pthread_create).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64)
