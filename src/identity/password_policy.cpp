#include "identity/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "identity/common_passwords.hpp"
#include "identity/text.hpp"

namespace waymark::identity {

namespace {

const std::unordered_set<std::string_view>& CommonPasswords() {
  static const auto* set = [] {
    auto* words = new std::unordered_set<std::string_view>();
    std::string_view all = CommonPasswordList();
    while (!all.empty()) {
      size_t end = all.find('\n');
      std::string_view word = all.substr(0, end);
      if (!word.empty()) words->insert(word);
      if (end == std::string_view::npos) break;
      all.remove_prefix(end + 1);
    }
    return words;
  }();
  return *set;
}

bool IsRepeatOf(std::string_view text, std::string_view unit) {
  if (unit.empty() || text.size() % unit.size() != 0) return false;
  for (size_t i = 0; i < text.size(); i += unit.size()) {
    if (text.substr(i, unit.size()) != unit) return false;
  }
  return true;
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  const auto& common = CommonPasswords();
  std::string lower = AsciiLower(password);
  if (common.contains(lower)) return true;
  // A listed password of 6 or more characters followed only by digits and symbols: every prefix
  // that ends at or after the last letter.
  auto last_letter =
      std::find_if(lower.rbegin(), lower.rend(), [](unsigned char c) { return std::isalpha(c); });
  size_t shortest = std::max<size_t>(6, static_cast<size_t>(lower.rend() - last_letter));
  for (size_t length = shortest; length < lower.size(); ++length) {
    if (common.contains(std::string_view(lower).substr(0, length))) return true;
  }
  // Repeats: of any 1 to 3 characters ("aaaa...", "abcabc..."), or of a listed password.
  std::string_view text = lower;
  for (size_t unit = 1; unit <= text.size() / 2; ++unit) {
    std::string_view head = text.substr(0, unit);
    if (IsRepeatOf(text, head) && (unit < 4 || common.contains(head))) return true;
  }
  return false;
}

Result<void> CheckNewPassword(std::string_view password, std::string_view email,
                              std::string_view field) {
  auto invalid = [&](std::string message) {
    return Fail(Problem::Invalid(std::string(field), std::move(message)));
  };
  if (password.empty()) return invalid("Enter a password");
  if (CountCharacters(password) < kMinPasswordLength) {
    return invalid("Password must be 12 characters or more");
  }
  if (password.size() > kMaxPasswordBytes) {
    return invalid("Password must be 1,024 characters or fewer");
  }
  std::string lower = AsciiLower(password);
  std::string_view local_part = email.substr(0, email.find('@'));
  if (local_part.size() >= 4 && lower.find(AsciiLower(local_part)) != std::string::npos) {
    return invalid("Password must not contain your email address");
  }
  if (lower.find("waymark") != std::string::npos || IsCommonPassword(password)) {
    return invalid("Password is too easy to guess. Try 3 or more unrelated words");
  }
  return {};
}

}  // namespace waymark::identity
