#include "platform/db/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "platform/db/postgres/pg_errors.hpp"
#include "platform/db/postgres/placeholders.hpp"

namespace waymark::db {

namespace {
// Type OIDs from pg_type.h (stable across releases).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;
constexpr std::size_t kMaxPreparedStatements = 256;

// Text travels untyped (0) so PostgreSQL can read it as date, timestamptz, uuid and so on;
// integers and reals travel typed so `SELECT ?` and arithmetic keep 64-bit precision.
Oid ParamType(const Value& v) {
  switch (v.variant().index()) {
    case 1:
      return kInt8;
    case 2:
      return kFloat8;
    case 4:
      return kBytea;
    default:
      return 0;
  }
}

std::string DoubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

// Each byte's value as a hex digit, or -1. A table: decoding bytea is the hottest loop in
// reading a page of cases (each row's encrypted details arrive as hex text).
constexpr std::array<std::int8_t, 256> kHexValues = [] {
  std::array<std::int8_t, 256> values{};
  values.fill(-1);
  for (int c = 0; c < 10; ++c) values['0' + c] = static_cast<std::int8_t>(c);
  for (int c = 0; c < 6; ++c) {
    values['a' + c] = values['A' + c] = static_cast<std::int8_t>(10 + c);
  }
  return values;
}();

Blob ParseBytea(const char* text, std::size_t length) {
  if (length >= 2 && text[0] == '\\' && text[1] == 'x') {
    if (length % 2 != 0) throw DbError("PostgreSQL returned malformed bytea");
    Blob out((length - 2) / 2);
    const auto* in = reinterpret_cast<const unsigned char*>(text) + 2;
    int bad = 0;
    for (auto& byte : out) {
      int hi = kHexValues[in[0]], lo = kHexValues[in[1]];
      bad |= hi | lo;  // negative once any digit was not hex
      byte = static_cast<std::uint8_t>((static_cast<unsigned>(hi) << 4) |
                                       (static_cast<unsigned>(lo) & 0xfu));
      in += 2;
    }
    if (bad < 0) throw DbError("PostgreSQL returned malformed bytea");
    return out;
  }
  std::size_t n = 0;  // bytea_output = 'escape' on this server
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
  if (!raw) throw DbError("PostgreSQL returned malformed bytea");
  Blob out(raw, raw + n);
  PQfreemem(raw);
  return out;
}

Value ParseColumn(Oid type, const char* text, std::size_t length) {
  std::string_view s(text, length);
  auto as_int = [&](std::int64_t& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
  };
  auto as_double = [&] {
    double d = 0;
    std::from_chars(s.data(), s.data() + s.size(), d);
    return Value(d);
  };
  switch (type) {
    case kBool:
      return Value(s == "t");
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid: {
      std::int64_t n = 0;
      if (!as_int(n)) throw DbError("PostgreSQL returned a malformed integer");
      return Value(n);
    }
    case kFloat4:
    case kFloat8:
      return as_double();
    case kNumeric: {
      std::int64_t n = 0;
      return as_int(n) ? Value(n) : as_double();
    }
    case kBytea:
      return Value(ParseBytea(text, length));
    default:
      return Value(std::string(s));
  }
}
}  // namespace

void PgConnection::ResultDeleter::operator()(pg_result* r) const { PQclear(r); }

PgConnection::PgConnection(const std::string& url, const std::string& description,
                           const OpenOptions& options) {
  auto seconds = std::max<long long>(2, (options.busy_timeout.count() + 999) / 1000);
  std::string timeout = std::to_string(seconds);
  // Later keywords override earlier ones, so settings written in the URL win over these.
  const char* keys[] = {"application_name", "connect_timeout", "client_encoding", "dbname",
                        nullptr};
  const char* values[] = {"waymark", timeout.c_str(), "UTF8", url.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    PQfinish(conn_);
    conn_ = nullptr;
    throw DatabaseUnavailable("Cannot connect to PostgreSQL (" + description + "): " + message);
  }
  // Notices ("relation already exists, skipping") are not errors; keep them off stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::Broken() const { return poisoned_ || PQstatus(conn_) != CONNECTION_OK; }

bool PgConnection::InTransaction() const {
  auto s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR;
}

bool PgConnection::InFailedTransaction() const {
  return PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

void PgConnection::Throw(pg_result* result) const { ThrowPgError(conn_, result); }

const std::string& PgConnection::PreparedName(std::string_view sql, const Params& params) {
  // A statement's parameter types are fixed when it is prepared, so the key includes them.
  std::string key(sql);
  key += '\x01';
  for (const auto& p : params) key += static_cast<char>('0' + p.variant().index());
  if (auto it = prepared_.find(key); it != prepared_.end()) return it->second;

  TranslatedSql translated = TranslatePlaceholders(sql);
  if (translated.placeholders != static_cast<int>(params.size())) {
    throw DbError("the statement has " + std::to_string(translated.placeholders) +
                  " placeholders but " + std::to_string(params.size()) + " parameters were given");
  }
  std::vector<Oid> types;
  for (const auto& p : params) types.push_back(ParamType(p));
  // Past the cap, the unnamed statement is reused: still prepared, just not kept.
  std::string name =
      prepared_.size() < kMaxPreparedStatements ? "wm" + std::to_string(prepared_.size()) : "";
  ResultPtr r(PQprepare(conn_, name.c_str(), translated.sql.c_str(), static_cast<int>(types.size()),
                        types.data()));
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) Throw(r.get());
  if (name.empty()) {
    static const std::string unnamed;
    return unnamed;
  }
  return prepared_.emplace(std::move(key), std::move(name)).first->second;
}

PgConnection::ResultPtr PgConnection::Run(std::string_view sql, const Params& params) {
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0);
  std::vector<int> formats(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& v = params[i].variant();
    if (auto* n = std::get_if<std::int64_t>(&v)) {
      texts[i] = std::to_string(*n);
    } else if (auto* d = std::get_if<double>(&v)) {
      texts[i] = DoubleText(*d);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      if (s->find('\0') != std::string::npos) {
        throw DbError("parameter " + std::to_string(i + 1) +
                      " is text containing a NUL byte; bind bytes as a Blob");
      }
      values[i] = s->c_str();
      continue;
    } else if (auto* b = std::get_if<Blob>(&v)) {
      static const char empty = 0;
      values[i] = b->empty() ? &empty : reinterpret_cast<const char*>(b->data());
      lengths[i] = static_cast<int>(b->size());
      formats[i] = 1;
      continue;
    } else {
      continue;  // NULL
    }
    values[i] = texts[i].c_str();
  }
  if (!pending_begin_.empty()) return RunAfterBegin(sql, params, values, lengths, formats);
  const std::string& name = PreparedName(sql, params);
  ResultPtr r(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(),
                             lengths.data(), formats.data(), 0));
  if (!r) Throw(nullptr);
  auto status = PQresultStatus(r.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) Throw(r.get());
  return r;
}

Rows PgConnection::Query(std::string_view sql, const Params& params) {
  ResultPtr r = Run(sql, params);
  int columns = PQnfields(r.get());
  auto names = std::make_shared<ColumnNames>();
  std::vector<Oid> types;
  for (int c = 0; c < columns; ++c) {
    names->emplace_back(PQfname(r.get(), c));
    types.push_back(PQftype(r.get(), c));
  }
  Rows rows(std::move(names));
  int count = PQntuples(r.get());
  for (int row = 0; row < count; ++row) {
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(r.get(), row, c)) {
        values.emplace_back();
      } else {
        values.push_back(ParseColumn(types[static_cast<std::size_t>(c)],
                                     PQgetvalue(r.get(), row, c),
                                     static_cast<std::size_t>(PQgetlength(r.get(), row, c))));
      }
    }
    rows.Add(std::move(values));
  }
  return rows;
}

std::int64_t PgConnection::Execute(std::string_view sql, const Params& params) {
  ResultPtr r = Run(sql, params);
  const char* affected = PQcmdTuples(r.get());
  return affected && *affected ? std::stoll(affected) : 0;
}

void PgConnection::Begin(std::string_view begin_sql) { pending_begin_ = begin_sql; }

void PgConnection::Commit() {
  if (!pending_begin_.empty()) {
    pending_begin_.clear();  // nothing ran: nothing to commit
    return;
  }
  ExecuteScript("COMMIT");
}

void PgConnection::Rollback() {
  if (!pending_begin_.empty()) {
    pending_begin_.clear();
    return;
  }
  if (!Broken() && InTransaction()) ExecuteScript("ROLLBACK");
}

bool PgConnection::TakeReconnected() { return std::exchange(reconnected_, false); }

void PgConnection::SendPendingBegin() {
  std::string begin = std::exchange(pending_begin_, std::string());
  ResultPtr r(PQexec(conn_, begin.c_str()));
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) Throw(r.get());
}

PgConnection::ResultPtr PgConnection::RunAfterBegin(std::string_view sql, const Params& params,
                                                    const std::vector<const char*>& values,
                                                    const std::vector<int>& lengths,
                                                    const std::vector<int>& formats) {
  for (int attempt = 0;; ++attempt) {
    std::vector<ResultPtr> results;
    try {
      const std::string& name = PreparedName(sql, params);
      if (!PQenterPipelineMode(conn_)) Throw(nullptr);
      bool sent = PQsendQueryParams(conn_, pending_begin_.c_str(), 0, nullptr, nullptr, nullptr,
                                    nullptr, 0) &&
                  PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                      values.data(), lengths.data(), formats.data(), 0) &&
                  PQpipelineSync(conn_);
      // Each statement's results end with a null; the sync point ends the exchange. Two nulls
      // in a row mean the stream has stopped (a broken connection).
      for (int nulls = 0; sent && nulls < 2;) {
        pg_result* r = PQgetResult(conn_);
        if (!r) {
          ++nulls;
          continue;
        }
        nulls = 0;
        if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
          PQclear(r);
          break;
        }
        results.emplace_back(r);
      }
      // Leaving pipeline mode fails only with results still uncollected: the connection cannot
      // be trusted with another statement.
      if (!PQexitPipelineMode(conn_)) poisoned_ = true;
      if (results.size() != 2) Throw(results.empty() ? nullptr : results.front().get());
      if (PQresultStatus(results[0].get()) != PGRES_COMMAND_OK) Throw(results[0].get());
    } catch (const DatabaseUnavailable&) {
      // Nothing in this transaction has happened yet, so a reconnection and a second try are
      // safe (the server rolls back whatever a broken connection left open).
      if (attempt > 0 || PQstatus(conn_) == CONNECTION_OK) throw;
      PQreset(conn_);
      if (PQstatus(conn_) != CONNECTION_OK) throw;
      prepared_.clear();  // they lived in the old server session
      poisoned_ = false;  // a new session: whatever the old one was left in is gone
      reconnected_ = true;
      continue;
    }
    pending_begin_.clear();
    auto status = PQresultStatus(results[1].get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) Throw(results[1].get());
    return std::move(results[1]);
  }
}

void PgConnection::ExecuteScript(std::string_view sql) {
  if (!pending_begin_.empty()) SendPendingBegin();
  std::string text(sql);
  ResultPtr r(PQexec(conn_, text.c_str()));
  if (!r) Throw(nullptr);
  auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    Throw(r.get());
  }
}

}  // namespace waymark::db
