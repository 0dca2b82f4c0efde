// Tables of enum values with their stored codes and the labels people read, so every feature
// writes `Code(x)`, `ParseX(code)` and `Label(x)` from one table instead of three switches.
//
//   constexpr std::array<CodeEntry<Colour>, 2> kColours{{{Colour::kRed, "red", "Red"}, ...}};
//   std::string_view Code(Colour c) { return EntryFor(kColours, c).code; }
//
// Thread safety: pure functions over constant tables.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace waymark {

template <class E>
struct CodeEntry {
  E value;
  std::string_view code;
  std::string_view label;
};

// The entry of `value`; a value missing from its table is a programming error.
template <class E, std::size_t N>
const CodeEntry<E>& EntryFor(const std::array<CodeEntry<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry;
  }
  throw std::logic_error("an enumerator has no entry in its code table");
}

// The value stored as `code` (exact match), or nullopt.
template <class E, std::size_t N>
std::optional<E> ParseCode(const std::array<CodeEntry<E>, N>& table, std::string_view code) {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.value;
  }
  return std::nullopt;
}

// Every value of the table, in its order.
template <class E, std::size_t N>
constexpr std::array<E, N> ValuesOf(const std::array<CodeEntry<E>, N>& table) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = table[i].value;
  return out;
}

// Whether the table lists the enum's values in declaration order (0, 1, 2, ...): use in a
// static_assert where code relies on it.
template <class E, std::size_t N>
constexpr bool InDeclarationOrder(const std::array<CodeEntry<E>, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].value) != i) return false;
  }
  return true;
}

}  // namespace waymark
