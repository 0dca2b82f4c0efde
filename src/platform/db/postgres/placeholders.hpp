// Translates the `?` placeholders both backends share into PostgreSQL's $1..$n, leaving `?`
// alone inside string literals ('...', E'...'), quoted identifiers, dollar-quoted bodies and
// comments. Pure function; internal to platform/db (public for its unit test).
#pragma once

#include <string>
#include <string_view>

namespace waymark::db {

struct TranslatedSql {
  std::string sql;
  int placeholders = 0;
};

TranslatedSql TranslatePlaceholders(std::string_view sql);

}  // namespace waymark::db
