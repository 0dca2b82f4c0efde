#include "identity/text.hpp"

#include <algorithm>
#include <cctype>

namespace waymark::identity {

std::string Trim(std::string_view text) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

size_t CountCharacters(std::string_view utf8) {
  return static_cast<size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

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
