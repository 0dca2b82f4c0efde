// Compile-time-checked strings for the HTML builder.
//
// Only a string literal (or another constant expression of static storage) can become a
// `Literal`, `TagName` or `AttrName`: their constructors are consteval and read every
// character, so a runtime string fails to compile. This is what keeps untrusted text out of
// markup positions: everything that is not one of these types gets escaped.
#pragma once

#include <cstddef>
#include <string_view>

namespace waymark::html {

namespace detail {

consteval bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':';
}

consteval bool Equals(std::string_view a, std::string_view b) { return a == b; }

template <std::size_t N>
consteval std::string_view CheckedName(const char (&text)[N]) {
  if (N < 2 || text[N - 1] != '\0') throw "a name must be a non-empty string literal";
  for (std::size_t i = 0; i + 1 < N; ++i) {
    if (!IsNameChar(text[i])) throw "a name may hold only letters, digits, '-', '_' and ':'";
  }
  return std::string_view(text, N - 1);
}

}  // namespace detail

// Markup or script text written by us. Rendered as is: never build one from input.
class Literal {
 public:
  template <std::size_t N>
  consteval Literal(const char (&text)[N]) : text_(text, N - 1) {  // NOLINT: implicit on purpose
    if (text[N - 1] != '\0') throw "a Literal must be a string literal";
    for (std::size_t i = 0; i + 1 < N; ++i) {
      if (text[i] == '\0') throw "a Literal may not contain NUL";
    }
  }
  constexpr std::string_view view() const { return text_; }

 private:
  std::string_view text_;
};

// An element name. `script` and `style` are refused: their content is not parsed as HTML,
// so escaping would not protect it; scripts come only from the layout's own helpers.
class TagName {
 public:
  template <std::size_t N>
  consteval TagName(const char (&text)[N])  // NOLINT: implicit on purpose
      : name_(detail::CheckedName(text)) {
    if (detail::Equals(name_, "script") || detail::Equals(name_, "style")) {
      throw "script and style elements are not built from the element API";
    }
  }
  constexpr std::string_view view() const { return name_; }

 private:
  std::string_view name_;
};

// An attribute name. Event handlers (`on...`), `style` and `srcdoc` are refused: their
// values are script, CSS or markup, where escaping the value does not make it safe.
class AttrName {
 public:
  template <std::size_t N>
  consteval AttrName(const char (&text)[N])  // NOLINT: implicit on purpose
      : name_(detail::CheckedName(text)) {
    if (name_.size() >= 2 && (name_[0] == 'o' || name_[0] == 'O') &&
        (name_[1] == 'n' || name_[1] == 'N')) {
      throw "event handler attributes are not allowed";
    }
    if (detail::Equals(name_, "style") || detail::Equals(name_, "srcdoc")) {
      throw "style and srcdoc attributes are not allowed";
    }
  }
  constexpr std::string_view view() const { return name_; }

 private:
  std::string_view name_;
};

}  // namespace waymark::html
