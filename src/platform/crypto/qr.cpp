#include "platform/crypto/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <new>
#include <string>

namespace waymark::crypto {

Result<QrMatrix> EncodeQr(std::string_view text) {
  errno = 0;
  // QRcode_encodeData takes a length, so NUL bytes in `text` are kept rather than truncating.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) {
    if (errno == ENOMEM) throw std::bad_alloc();
    return Fail(Problem::Invalid(
        "qr", "The text is too long for a QR code (" + std::to_string(text.size()) + " bytes)"));
  }
  QrMatrix matrix;
  matrix.size = code->width;
  std::size_t count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  matrix.dark.resize(count);
  for (std::size_t i = 0; i < count; ++i) matrix.dark[i] = (code->data[i] & 1) != 0;
  return matrix;
}

}  // namespace waymark::crypto
