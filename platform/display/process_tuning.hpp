// Settings of the whole process that drawing frames relies on, made once before a screen opens:
// today how the C library hands out and returns large blocks of memory.
#pragma once

namespace sf::platform {

// Keeps screen-sized pixel buffers (layers on the software renderer) in their own mappings, so
// the memory of a dropped slide goes back to the kernel. Harmless to call more than once.
void tuneProcessForFrames();

}  // namespace sf::platform
