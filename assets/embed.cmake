# Turns one file into a C++ translation unit that defines `std::string_view sf::assets::SYMBOL()`.
# Run with cmake -P; hex is used instead of a raw string so any byte survives unchanged.
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hexlen)
math(EXPR size "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace sf::assets {\nnamespace {\nconst unsigned char data[] = {\n${bytes}0};\n}\nstd::string_view ${SYMBOL}() { return {reinterpret_cast<const char*>(data), ${size}}; }\n}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
