// libqrencode wrapper. Medium error correction: screens are read from a distance, and a
// few smudges on the glass should not stop a phone from reading the code.
#include "qr.hpp"

#include <qrencode.h>

namespace sf::platform {

QrCode encodeQr(const std::string& text) {
  QrCode out;
  if (text.empty()) return out;
  QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!code) return out;
  out.size = code->width;
  out.modules.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = code->data[i] & 1;
  QRcode_free(code);
  return out;
}

}  // namespace sf::platform
