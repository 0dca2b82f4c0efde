#include "vocabulary/term.hpp"

#include <algorithm>
#include <string>

namespace waymark::vocabulary {
namespace {

// At most 40 bytes, never cutting a UTF-8 character in two.
std::string Shortened(std::string_view text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return std::string(text);
  std::size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "...";
}

}  // namespace

const Term* FindTerm(std::span<const Term> terms, std::string_view code) {
  // Lists are short (at most a few dozen terms) and kept in the standard's order, which is
  // the order people see; a linear scan keeps that order the only one.
  for (const Term& term : terms) {
    if (term.code == code) return &term;
  }
  return nullptr;
}

std::string_view TermLabel(std::span<const Term> terms, std::string_view code) {
  const Term* term = FindTerm(terms, code);
  return term ? term->label : std::string_view();
}

std::vector<std::string_view> UnknownCodes(std::span<const Term> terms,
                                           std::span<const std::string_view> codes) {
  std::vector<std::string_view> unknown;
  for (std::string_view code : codes) {
    if (FindTerm(terms, code) == nullptr &&
        std::find(unknown.begin(), unknown.end(), code) == unknown.end()) {
      unknown.push_back(code);
    }
  }
  return unknown;
}

Result<std::vector<std::string_view>> CheckCodes(std::span<const Term> terms,
                                                 std::span<const std::string_view> codes,
                                                 std::string field) {
  std::vector<std::string_view> unknown = UnknownCodes(terms, codes);
  if (!unknown.empty()) {
    // Only a changed or stale form sends an unknown code; naming it helps whoever debugs that.
    // A tampered form could send thousands of long values: name a few, briefly.
    constexpr std::size_t kNamed = 5;
    std::string message = "Select from the options shown (not recognised: ";
    for (std::size_t i = 0; i < unknown.size() && i < kNamed; ++i) {
      if (i > 0) message += ", ";
      message += '"';
      message += Shortened(unknown[i]);
      message += '"';
    }
    if (unknown.size() > kNamed) {
      message += " and " + std::to_string(unknown.size() - kNamed) + " more";
    }
    message += ")";
    return Fail(Problem::Invalid(std::move(field), std::move(message)));
  }
  std::vector<std::string_view> chosen;
  for (const Term& term : terms) {
    if (std::find(codes.begin(), codes.end(), term.code) != codes.end()) {
      chosen.push_back(term.code);
    }
  }
  return chosen;
}

}  // namespace waymark::vocabulary
