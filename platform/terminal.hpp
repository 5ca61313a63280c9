// Reading a secret (a password) from the controlling terminal without echoing it, or one line
// from standard input for scripts; the bytes are never printed.
#pragma once
#include <string>

#include "core/base/result.hpp"

namespace sf::platform {

// Prints `prompt` on the terminal (/dev/tty), reads one line with echo off and restores the
// terminal's settings, also when interrupted by Ctrl+C. Fails when there is no terminal.
core::Result<std::string> readSecretFromTerminal(const std::string& prompt);

// One line from standard input, without its line end, at most `maxBytes`.
core::Result<std::string> readLineFromStdin(std::size_t maxBytes);

}  // namespace sf::platform
