#include "identity/text.hpp"

#include <algorithm>
#include <cctype>

namespace waymark::identity {

std::string NormaliseEmail(std::string_view email) { return AsciiLower(Trim(email)); }

bool LooksLikeEmail(std::string_view email) {
  if (email.size() < 3 || email.size() > 254) return false;
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  std::string_view domain = email.substr(at + 1);
  size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(email.begin(), email.end(), [](unsigned char c) {
    return std::isspace(c) || c < 0x20 || c == '<' || c == '>' || c == '"';
  });
}

}  // namespace waymark::identity
