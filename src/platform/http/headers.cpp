#include "platform/http/headers.hpp"

#include <algorithm>
#include <stdexcept>

namespace waymark::http {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

void Check(std::string_view name, std::string_view value) {
  if (!IsValidHeaderName(name)) {
    throw std::invalid_argument("invalid HTTP header name");
  }
  if (!IsValidHeaderValue(value)) {
    throw std::invalid_argument("invalid HTTP header value for " + std::string(name));
  }
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool IsValidHeaderName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), IsTokenChar);
}

bool IsValidHeaderValue(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

std::optional<std::string_view> Headers::Get(std::string_view name) const {
  for (const auto& [key, value] : entries_) {
    if (EqualsIgnoreCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::vector<std::string_view> Headers::GetAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : entries_) {
    if (EqualsIgnoreCase(key, name)) values.emplace_back(value);
  }
  return values;
}

bool Headers::Has(std::string_view name) const { return Get(name).has_value(); }

void Headers::Set(std::string name, std::string value) {
  Check(name, value);
  Remove(name);
  entries_.emplace_back(std::move(name), std::move(value));
}

void Headers::Add(std::string name, std::string value) {
  Check(name, value);
  entries_.emplace_back(std::move(name), std::move(value));
}

void Headers::Remove(std::string_view name) {
  std::erase_if(entries_, [name](const Entry& e) { return EqualsIgnoreCase(e.first, name); });
}

}  // namespace waymark::http
