#include "platform/db/postgres/placeholders.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace waymark::db {

namespace {
bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The length of a dollar-quote opener ($$ or $tag$) at sql[i], or 0 if there is none.
std::size_t DollarTagLength(std::string_view sql, std::size_t i) {
  if (i > 0 && IsIdentifierChar(sql[i - 1])) return 0;  // part of an identifier like a$b
  std::size_t j = i + 1;
  if (j < sql.size() && (std::isdigit(static_cast<unsigned char>(sql[j])))) return 0;  // $1
  while (j < sql.size() && sql[j] != '$') {
    if (!IsIdentifierChar(sql[j])) return 0;
    ++j;
  }
  return j < sql.size() ? j - i + 1 : 0;
}
}  // namespace

TranslatedSql TranslatePlaceholders(std::string_view sql) {
  TranslatedSql out;
  out.sql.reserve(sql.size() + 16);
  std::size_t i = 0;
  auto copy_until = [&](std::size_t end) {
    out.sql.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    char c = sql[i];
    char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'') {
      bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                     (i < 2 || !IsIdentifierChar(sql[i - 2]));
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (escapes && sql[j] == '\\') {
          j += 2;
        } else if (sql[j] == '\'') {
          if (j + 1 < sql.size() && sql[j + 1] == '\'') {
            j += 2;
          } else {
            break;
          }
        } else {
          ++j;
        }
      }
      copy_until(std::min(j + 1, sql.size()));
    } else if (c == '"') {
      std::size_t end = sql.find('"', i + 1);
      copy_until(end == std::string_view::npos ? sql.size() : end + 1);
    } else if (c == '-' && next == '-') {
      std::size_t end = sql.find('\n', i);
      copy_until(end == std::string_view::npos ? sql.size() : end + 1);
    } else if (c == '/' && next == '*') {
      int depth = 0;  // PostgreSQL block comments nest
      std::size_t j = i;
      while (j < sql.size()) {
        if (sql.substr(j, 2) == "/*") {
          ++depth;
          j += 2;
        } else if (sql.substr(j, 2) == "*/") {
          j += 2;
          if (--depth == 0) break;
        } else {
          ++j;
        }
      }
      copy_until(std::min(j, sql.size()));
    } else if (std::size_t tag = c == '$' ? DollarTagLength(sql, i) : 0; tag > 0) {
      std::size_t end = sql.find(sql.substr(i, tag), i + tag);
      copy_until(end == std::string_view::npos ? sql.size() : end + tag);
    } else if (c == '?') {
      out.sql += '$';
      out.sql += std::to_string(++out.placeholders);
      ++i;
    } else {
      out.sql += c;
      ++i;
    }
  }
  return out;
}

}  // namespace waymark::db
