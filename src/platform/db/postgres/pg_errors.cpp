#include "platform/db/postgres/pg_errors.hpp"

#include <libpq-fe.h>

#include <string>
#include <string_view>

#include "platform/db/errors.hpp"

namespace waymark::db {

namespace {
std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// `invalid input syntax for type integer: "abc"` -> `... integer: "..."`.
std::string WithoutQuotedValues(std::string_view message) {
  std::string out;
  bool quoted = false;
  for (char c : message) {
    if (c == '"') {
      out += quoted ? "...\"" : "\"";
      quoted = !quoted;
    } else if (!quoted) {
      out += c;
    }
  }
  return out;
}
}  // namespace

void ThrowPgError(pg_conn* conn, pg_result* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr) {
    // No SQLSTATE: the failure was in the client or the connection itself.
    std::string message = "PostgreSQL: " + Trimmed(PQerrorMessage(conn));
    if (PQstatus(conn) != CONNECTION_OK) throw DatabaseUnavailable(message);
    throw DbError(message);
  }
  std::string code = state;
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string text = primary ? primary : "error";
  if (code.starts_with("22")) text = WithoutQuotedValues(text);
  std::string message = "PostgreSQL: " + text + " (SQLSTATE " + code + ")";
  if (code == "23505") throw UniqueViolation(message, code);
  if (code == "40001" || code == "40P01") throw SerializationFailure(message, code);
  if (code.starts_with("08") || code.starts_with("57P") || code == "53300" ||
      PQstatus(conn) != CONNECTION_OK) {
    throw DatabaseUnavailable(message, code);
  }
  throw DbError(message, code);
}

}  // namespace waymark::db
