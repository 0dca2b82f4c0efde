// HTTP header fields with case-insensitive names, in arrival order.
// Thread safety: a value type; no internal locking.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waymark::http {

// ASCII case-insensitive equality, as HTTP field names and methods compare.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// A field name is an RFC 9110 token; a value has no CR, LF or NUL (no header injection).
bool IsValidHeaderName(std::string_view name);
bool IsValidHeaderValue(std::string_view value);

class Headers {
 public:
  using Entry = std::pair<std::string, std::string>;

  // The first value for `name`, if any.
  std::optional<std::string_view> Get(std::string_view name) const;
  std::vector<std::string_view> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const;

  // Set replaces every field called `name`; Add appends (Set-Cookie needs several).
  // Both throw std::invalid_argument for an invalid name or value: that is a programming error.
  void Set(std::string name, std::string value);
  void Add(std::string name, std::string value);
  void Remove(std::string_view name);

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
};

}  // namespace waymark::http
