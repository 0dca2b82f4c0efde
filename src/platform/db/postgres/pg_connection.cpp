#include "platform/db/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
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

pg_result* PgConnection::FirstFailure(const std::vector<ResultPtr>& results) {
  for (const auto& r : results) {
    auto status = PQresultStatus(r.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return r.get();
  }
  return nullptr;
}

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

PgConnection::Prepared PgConnection::Prepare(std::string_view sql, const Params& params) {
  // A statement's parameter types are fixed when it is prepared, so the key includes them.
  std::string key(sql);
  key += '\x01';
  for (const auto& p : params) key += static_cast<char>('0' + p.variant().index());
  if (auto it = prepared_.find(key); it != prepared_.end()) return {&it->second, {}, {}};

  TranslatedSql translated = TranslatePlaceholders(sql);
  if (translated.placeholders != static_cast<int>(params.size())) {
    throw DbError("the statement has " + std::to_string(translated.placeholders) +
                  " placeholders but " + std::to_string(params.size()) + " parameters were given");
  }
  Prepared out{nullptr, std::move(translated.sql), {}};
  for (const auto& p : params) out.types.push_back(ParamType(p));
  // Past the cap, statements are sent unprepared (parsed with every use), not kept.
  if (prepared_.size() >= kMaxPreparedStatements) return out;
  std::string name = "wm" + std::to_string(prepared_.size());
  ResultPtr r(PQprepare(conn_, name.c_str(), out.sql.c_str(), static_cast<int>(out.types.size()),
                        out.types.data()));
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) Throw(r.get());
  return {&prepared_.emplace(std::move(key), std::move(name)).first->second, {}, {}};
}

void PgConnection::Bind(const Params& params, Bound& out) {
  out.texts.resize(params.size());
  out.values.assign(params.size(), nullptr);
  out.lengths.assign(params.size(), 0);
  out.formats.assign(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& v = params[i].variant();
    if (auto* n = std::get_if<std::int64_t>(&v)) {
      out.texts[i] = std::to_string(*n);
    } else if (auto* d = std::get_if<double>(&v)) {
      out.texts[i] = DoubleText(*d);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      if (s->find('\0') != std::string::npos) {
        throw DbError("parameter " + std::to_string(i + 1) +
                      " is text containing a NUL byte; bind bytes as a Blob");
      }
      out.values[i] = s->c_str();
      continue;
    } else if (auto* b = std::get_if<Blob>(&v)) {
      static const char empty = 0;
      out.values[i] = b->empty() ? &empty : reinterpret_cast<const char*>(b->data());
      out.lengths[i] = static_cast<int>(b->size());
      out.formats[i] = 1;
      continue;
    } else {
      continue;  // NULL
    }
    out.values[i] = out.texts[i].c_str();
  }
}

PgConnection::ResultPtr PgConnection::Run(std::string_view sql, const Params& params) {
  if (!pending_begin_.empty() || !queued_.empty()) {
    Statement last{sql, params};
    return SendQueuedWith(&last);
  }
  Bound bound;
  Bind(params, bound);
  Prepared prepared = Prepare(sql, params);
  int n = static_cast<int>(params.size());
  ResultPtr r(prepared.name ? PQexecPrepared(conn_, prepared.name->c_str(), n, bound.values.data(),
                                             bound.lengths.data(), bound.formats.data(), 0)
                            : PQexecParams(conn_, prepared.sql.c_str(), n, prepared.types.data(),
                                           bound.values.data(), bound.lengths.data(),
                                           bound.formats.data(), 0));
  if (!r) Throw(nullptr);
  auto status = PQresultStatus(r.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) Throw(r.get());
  return r;
}

Rows PgConnection::ToRows(pg_result* r) {
  int columns = PQnfields(r);
  auto names = std::make_shared<ColumnNames>();
  std::vector<Oid> types;
  for (int c = 0; c < columns; ++c) {
    names->emplace_back(PQfname(r, c));
    types.push_back(PQftype(r, c));
  }
  Rows rows(std::move(names));
  int count = PQntuples(r);
  for (int row = 0; row < count; ++row) {
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(r, row, c)) {
        values.emplace_back();
      } else {
        values.push_back(ParseColumn(types[static_cast<std::size_t>(c)], PQgetvalue(r, row, c),
                                     static_cast<std::size_t>(PQgetlength(r, row, c))));
      }
    }
    rows.Add(std::move(values));
  }
  return rows;
}

Rows PgConnection::Query(std::string_view sql, const Params& params) {
  return ToRows(Run(sql, params).get());
}

PendingRows::Slot PgConnection::Queue(std::string_view sql, const Params& params) {
  auto slot = std::make_shared<std::optional<Rows>>();
  queued_.push_back({std::string(sql), params, slot});
  return slot;
}

void PgConnection::SendQueued() {
  if (!queued_.empty()) SendQueuedWith(nullptr);
}

PgConnection::ResultPtr PgConnection::SendQueuedWith(const Statement* last) {
  std::vector<Queued> batch = std::exchange(queued_, {});
  std::vector<Statement> statements;
  for (const auto& q : batch) statements.push_back({q.sql, q.params});
  if (last) statements.push_back(*last);
  std::vector<ResultPtr> results = Pipeline(statements);
  for (std::size_t i = 0; i < batch.size(); ++i) *batch[i].out = ToRows(results[i].get());
  return last ? std::move(results.back()) : nullptr;
}

std::int64_t PgConnection::Execute(std::string_view sql, const Params& params) {
  ResultPtr r = Run(sql, params);
  const char* affected = PQcmdTuples(r.get());
  return affected && *affected ? std::stoll(affected) : 0;
}

void PgConnection::Begin(std::string_view begin_sql) { pending_begin_ = begin_sql; }

void PgConnection::Commit() {
  SendQueued();  // statements queued and never collected still run
  if (!pending_begin_.empty()) {
    pending_begin_.clear();  // nothing ran: nothing to commit
    return;
  }
  ExecuteScript("COMMIT");
}

void PgConnection::Rollback() {
  queued_.clear();
  if (!pending_begin_.empty()) {
    pending_begin_.clear();
    return;
  }
  if (!Broken() && InTransaction()) ExecuteScript("ROLLBACK");
}

bool PgConnection::TakeReconnected() { return std::exchange(reconnected_, false); }

std::vector<PgConnection::ResultPtr> PgConnection::Pipeline(
    const std::vector<Statement>& statements) {
  for (int attempt = 0;; ++attempt) {
    const bool begins = !pending_begin_.empty();
    const std::size_t expected = statements.size() + (begins ? 1 : 0);
    std::vector<ResultPtr> results;
    try {
      std::vector<Bound> bound(statements.size());
      std::vector<Prepared> prepared;
      for (std::size_t i = 0; i < statements.size(); ++i) {
        Bind(statements[i].params, bound[i]);
        prepared.push_back(Prepare(statements[i].sql, statements[i].params));
      }
      if (!PQenterPipelineMode(conn_)) Throw(nullptr);
      bool sent = !begins || PQsendQueryParams(conn_, pending_begin_.c_str(), 0, nullptr, nullptr,
                                               nullptr, nullptr, 0);
      for (std::size_t i = 0; sent && i < statements.size(); ++i) {
        // An unnamed statement's parse and execution travel together, so several in one
        // pipeline do not overwrite each other.
        const Bound& b = bound[i];
        int n = static_cast<int>(statements[i].params.size());
        sent = prepared[i].name
                   ? PQsendQueryPrepared(conn_, prepared[i].name->c_str(), n, b.values.data(),
                                         b.lengths.data(), b.formats.data(), 0)
                   : PQsendQueryParams(conn_, prepared[i].sql.c_str(), n, prepared[i].types.data(),
                                       b.values.data(), b.lengths.data(), b.formats.data(), 0);
      }
      sent = sent && PQpipelineSync(conn_);
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
      if (results.size() != expected) Throw(FirstFailure(results));
      if (begins && PQresultStatus(results[0].get()) != PGRES_COMMAND_OK) Throw(results[0].get());
    } catch (const DatabaseUnavailable&) {
      // A transaction's first exchange: nothing in it has happened yet, so a reconnection and a
      // second try are safe (the server rolls back whatever a broken connection left open).
      if (!begins || attempt > 0 || PQstatus(conn_) == CONNECTION_OK) throw;
      PQreset(conn_);
      if (PQstatus(conn_) != CONNECTION_OK) throw;
      prepared_.clear();  // they lived in the old server session
      poisoned_ = false;  // a new session: whatever the old one was left in is gone
      reconnected_ = true;
      continue;
    }
    pending_begin_.clear();
    if (begins) results.erase(results.begin());
    if (pg_result* failed = FirstFailure(results)) Throw(failed);
    return results;
  }
}

void PgConnection::ExecuteScript(std::string_view sql) {
  SendQueued();
  if (!pending_begin_.empty()) Pipeline({});
  std::string text(sql);
  ResultPtr r(PQexec(conn_, text.c_str()));
  if (!r) Throw(nullptr);
  auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    Throw(r.get());
  }
}

}  // namespace waymark::db
