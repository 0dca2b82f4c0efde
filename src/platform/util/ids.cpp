#include "platform/util/ids.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>

namespace waymark {

namespace {
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string NewId() {
  std::array<unsigned char, 16> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  id.reserve(32);
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 15]);
  }
  return id;
}

bool IsId(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string NewShortReference() {
  std::string ref = "WM-";
  for (int i = 0; i < 8; ++i) {
    if (i == 4) ref.push_back('-');
    ref.push_back(kCrockford[randombytes_uniform(32)]);
  }
  return ref;
}

bool IsShortReference(std::string_view text) {
  if (text.size() != 12 || text.substr(0, 3) != "WM-" || text[7] != '-') return false;
  for (size_t i = 3; i < 12; ++i) {
    if (i == 7) continue;
    if (kCrockford.find(text[i]) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace waymark
