// Test helper: a tiny HTML tokenizer that turns markup into a canonical form so our output
// can be compared with GOV.UK Frontend's fixtures: whitespace in text collapsed and trimmed,
// entities decoded, attributes sorted by name, classes sorted, self-closing tags expanded.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::html::testing {

struct Token {
  enum class Kind { kStart, kEnd, kText } kind;
  std::string name;  // tag name, or the text
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string Attribute(std::string_view name) const;
};

std::vector<Token> Tokenize(std::string_view html);

// Removes every element (with its content) whose start tag matches.
void RemoveElements(std::vector<Token>& tokens, const std::function<bool(const Token&)>& match);

// One token per line: readable in a test failure diff.
std::string Canonical(const std::vector<Token>& tokens);
inline std::string Canonical(std::string_view html) { return Canonical(Tokenize(html)); }

}  // namespace waymark::html::testing
