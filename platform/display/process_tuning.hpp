// Settings of the whole process that drawing frames relies on, made once before a screen opens:
// today how the C library hands out and returns large blocks of memory.
#pragma once

namespace sf::platform {

// Keeps screen-sized pixel buffers (layers on the software renderer) in their own mappings, so
// the memory of a dropped slide goes back to the kernel. Harmless to call more than once.
void tuneProcessForFrames();

// Gives the kernel back the heap's free pages. The C library keeps memory freed in the middle of
// the heap resident (the feed's parse tree, the font files once the atlas is built); called after
// such a one-off burst, not per frame.
void returnFreedMemory();

}  // namespace sf::platform
