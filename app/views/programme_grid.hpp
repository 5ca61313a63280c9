// The programme as a grid of rooms by time, drawn by the programme view on wide screens when the
// visitor picks "By room".
#pragma once
#include "core/show/programme.hpp"
#include "draw.hpp"

namespace sf::views {

// The day's timed talks in `viewport`: a page of rooms as columns, an hour as five lines of text.
void drawProgrammeGrid(Pen& pen, const core::ProgrammeListing& listing, const core::Rect& viewport);

}  // namespace sf::views
