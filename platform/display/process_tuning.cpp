// glibc's allocator tuned for the player's large, short-lived pixel buffers. Other C libraries
// have no such knob; there this does nothing.
#include "process_tuning.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sf::platform {

void tuneProcessForFrames() {
#if defined(__GLIBC__)
  // Layers (screen-sized pixel buffers with the software renderer) come and go around every slide
  // change. A fixed threshold keeps them in their own mappings, returned to the kernel when freed;
  // glibc's adaptive one would move them onto the heap after the first free and keep the pages.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

void returnFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace sf::platform
