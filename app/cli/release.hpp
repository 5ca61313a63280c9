// Publishing a feed text as the next release, shared by `publish` and `announce`, which both
// end in a new revision of the published folder.
#pragma once
#include <string>

#include "core/base/diagnostic.hpp"
#include "tools/release_history.hpp"

namespace sf::cli {

void printErrors(const core::Diagnostics& ds);  // the errors among `ds`, one a line on stderr

// Gives `text` the next revision after everything published and the source's own, signs it and
// makes it current in `dir`, its history file naming `origin`. Prints what happened; returns the exit code.
int publishText(const std::string& text, const std::string& dir, const std::string& keyFile, int keep, const std::string& what,
                const tools::ReleaseOrigin& origin);

// False (with a message) when the key file lies inside the published folder.
bool keyOutsideFolder(const std::string& keyFile, const std::string& dir);

}  // namespace sf::cli
