#include "platform/audit/audit_log.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

#include <boost/json.hpp>

#include "platform/crypto/encoding.hpp"
#include "platform/crypto/hashes.hpp"
#include "platform/util/time.hpp"

namespace waymark::audit {

namespace {

constexpr int64_t kVerifyPage = 5000;

// Length-prefixed fields, so no choice of values can make two different events hash alike;
// a null is distinct from an empty string.
void AppendField(std::string& out, const std::optional<std::string>& value) {
  if (!value) {
    out += "-|";
    return;
  }
  out += std::to_string(value->size());
  out += ':';
  out += *value;
  out += '|';
}

struct StoredEvent {
  int64_t seq;
  std::string at;
  std::optional<std::string> request_id, actor_id, organisation_id;
  std::string action, outcome;
  std::optional<std::string> subject_type, subject_id;
  std::string details, prev_hash, hash, mac;
};

std::string ChainHash(const StoredEvent& e) {
  std::string text = "waymark-audit-v1|";
  AppendField(text, std::to_string(e.seq));
  AppendField(text, e.at);
  AppendField(text, e.request_id);
  AppendField(text, e.actor_id);
  AppendField(text, e.organisation_id);
  AppendField(text, e.action);
  AppendField(text, e.outcome);
  AppendField(text, e.subject_type);
  AppendField(text, e.subject_id);
  AppendField(text, e.details);
  AppendField(text, e.prev_hash);
  return crypto::Blake2bHex(text);
}

std::string DetailsJson(const Event& event) {
  boost::json::object object;
  for (const auto& [key, value] : event.details) object[key] = value;
  return boost::json::serialize(object);
}

StoredEvent FromRow(const db::Row& row) {
  return StoredEvent{row.integer(0),       row.text(1), row.optional_text(2), row.optional_text(3),
                     row.optional_text(4), row.text(5), row.text(6),          row.optional_text(7),
                     row.optional_text(8), row.text(9), row.text(10),         row.text(11),
                     row.text(12)};
}

std::string AnchorMessage(int64_t seq, std::string_view hash, std::string_view signed_at) {
  return "waymark-audit-anchor|" + std::to_string(seq) + "|" + std::string(hash) + "|" +
         std::string(signed_at);
}

// Writes a batch with few statements, since each is a round trip on PostgreSQL: rows go in
// groups of up to kRowsPerInsert (a bounded number of distinct statements to prepare), and on
// PostgreSQL the head's new hash travels with the first group (a data-modifying WITH, which
// SQLite does not have; there it is a statement of its own, which costs no round trip).
constexpr std::size_t kRowsPerInsert = 16;
constexpr std::size_t kColumns = 13;

void InsertEvents(db::Tx& tx, const std::vector<StoredEvent>& events,
                  const std::string& last_hash) {
  bool head_moved = false;
  for (std::size_t from = 0; from < events.size(); from += kRowsPerInsert) {
    std::size_t rows = std::min(kRowsPerInsert, events.size() - from);
    std::string sql;
    db::Params params;
    params.reserve(rows * kColumns + 1);
    if (tx.Backend() == db::BackendKind::kPostgres && !head_moved) {
      sql = "WITH head AS (UPDATE audit_head SET hash = ? WHERE id = 1) ";
      params.emplace_back(last_hash);
      head_moved = true;
    }
    sql +=
        "INSERT INTO audit_events (seq, at, request_id, actor_id, organisation_id, action, "
        "outcome, subject_type, subject_id, details, prev_hash, hash, mac) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
      const StoredEvent& e = events[from + i];
      sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      for (db::Value& v :
           db::Params{e.seq, e.at, e.request_id, e.actor_id, e.organisation_id, e.action, e.outcome,
                      e.subject_type, e.subject_id, e.details, e.prev_hash, e.hash, e.mac}) {
        params.push_back(std::move(v));
      }
    }
    tx.Execute(sql, params);
  }
  if (!head_moved) tx.Execute("UPDATE audit_head SET hash = ? WHERE id = 1", {last_hash});
}

}  // namespace

std::string_view OutcomeCode(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSuccess:
      return "success";
    case Outcome::kFailure:
      return "failure";
    case Outcome::kDenied:
      return "denied";
  }
  return "unknown";
}

int64_t AuditLog::Append(db::Tx& tx, const Event& event) const {
  return AppendAll(tx, std::span<const Event>(&event, 1)).front();
}

std::vector<int64_t> AuditLog::AppendAll(db::Tx& tx, std::span<const Event> events) const {
  std::vector<int64_t> seqs;
  if (events.empty()) return seqs;
  // Taking the head row's write lock first serialises appenders on PostgreSQL; SQLite has one
  // writer anyway. The head moves once for the whole batch.
  const auto count = static_cast<int64_t>(events.size());
  auto head =
      tx.QueryOne("UPDATE audit_head SET seq = seq + ? WHERE id = 1 RETURNING seq, hash", {count});
  if (!head) throw db::DbError("audit_head row is missing: the audit schema is damaged");
  int64_t seq = head->integer(0) - count;
  std::string prev_hash = head->text(1);
  std::string at = FormatUtc(clock_.Now());
  std::vector<StoredEvent> stored;
  stored.reserve(events.size());
  for (const Event& event : events) {
    StoredEvent& e = stored.emplace_back(StoredEvent{++seq,
                                                     at,
                                                     event.request_id,
                                                     event.actor_id,
                                                     event.organisation_id,
                                                     event.action,
                                                     std::string(OutcomeCode(event.outcome)),
                                                     event.subject_type,
                                                     event.subject_id,
                                                     DetailsJson(event),
                                                     prev_hash,
                                                     {},
                                                     {}});
    e.hash = ChainHash(e);
    e.mac = crypto::MacHex(mac_key_, e.hash);
    prev_hash = e.hash;
    seqs.push_back(e.seq);
  }
  InsertEvents(tx, stored, prev_hash);
  return seqs;
}

VerifyReport Verify(db::Database& db, const crypto::SecretBytes& mac_key) {
  VerifyReport report;
  int64_t expected_seq = 1;
  std::string prev_hash;
  auto bad = [&](int64_t seq, std::string problem) {
    report.first_bad = seq;
    report.problem = std::move(problem);
    return report;
  };
  auto read_head = [&db] {
    return db.Read(
        [](db::Tx& tx) { return tx.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1"); });
  };
  // The pages are separate transactions and a running server keeps appending, so the head is
  // read before the walk: every event up to it was committed with it and must be found; events
  // appended during the walk are checked like the rest.
  auto head_before = read_head();
  if (!head_before) return bad(1, "the audit_head row is missing");
  const int64_t head_seq = head_before->integer(0);
  std::optional<std::string> hash_at_head;
  if (head_seq == 0) hash_at_head = "";
  for (;;) {
    db::Rows page = db.Read([&](db::Tx& tx) {
      return tx.Query(
          "SELECT seq, at, request_id, actor_id, organisation_id, action, outcome, subject_type, "
          "subject_id, details, prev_hash, hash, mac FROM audit_events WHERE seq >= ? "
          "ORDER BY seq LIMIT ?",
          {expected_seq, kVerifyPage});
    });
    for (const db::Row& row : page) {
      StoredEvent e = FromRow(row);
      if (e.seq != expected_seq) {
        return bad(expected_seq, "event " + std::to_string(expected_seq) +
                                     " is missing (the next event is " + std::to_string(e.seq) +
                                     ")");
      }
      if (e.prev_hash != prev_hash) {
        return bad(e.seq, "event " + std::to_string(e.seq) +
                              " does not link to the event before it (removed, inserted or "
                              "reordered events)");
      }
      if (ChainHash(e) != e.hash) {
        return bad(e.seq, "event " + std::to_string(e.seq) + " was changed after it was written");
      }
      if (!crypto::ConstantTimeEqual(crypto::MacHex(mac_key, e.hash), e.mac)) {
        return bad(e.seq, "event " + std::to_string(e.seq) +
                              " has a MAC that this key file did not make (forged or re-chained)");
      }
      if (e.seq == head_seq) hash_at_head = e.hash;
      prev_hash = e.hash;
      ++expected_seq;
      ++report.events;
    }
    if (page.size() < static_cast<size_t>(kVerifyPage)) break;
  }
  if (report.events < head_seq) {
    return bad(expected_seq, "the chain ends at event " + std::to_string(report.events) +
                                 " but its head records event " + std::to_string(head_seq) +
                                 " (events removed from the end)");
  }
  if (hash_at_head != head_before->text(1)) {
    return bad(head_seq, "the head records a hash for event " + std::to_string(head_seq) +
                             " that is not that event's (the head or the event was altered)");
  }
  // A head behind the chain's end cannot come from concurrent appends (each moves the head in
  // the transaction that adds its event); one ahead of it can, and was checked above.
  auto head_after = read_head();
  if (!head_after) return bad(expected_seq, "the audit_head row is missing");
  if (head_after->integer(0) < report.events ||
      (head_after->integer(0) == report.events && head_after->text(1) != prev_hash)) {
    return bad(head_after->integer(0) + 1,
               "the chain goes on to event " + std::to_string(report.events) +
                   " but its head records event " + std::to_string(head_after->integer(0)) +
                   " (the head was altered)");
  }
  return report;
}

Anchor MakeAnchor(db::Database& db, const crypto::SecretBytes& signing_seed,
                  std::span<const std::uint8_t> public_key, const Clock& clock) {
  auto head = db.Read(
      [](db::Tx& tx) { return tx.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1"); });
  if (!head) throw db::DbError("audit_head row is missing: the audit schema is damaged");
  Anchor anchor{head->integer(0), head->text(1), FormatUtc(clock.Now()), {}, {}};
  crypto::Bytes signature =
      crypto::Sign(signing_seed, AnchorMessage(anchor.seq, anchor.hash, anchor.signed_at));
  anchor.signature = crypto::ToBase64(signature);
  anchor.public_key = crypto::ToBase64(public_key);
  return anchor;
}

std::string FormatAnchor(const Anchor& anchor) {
  return "seq=" + std::to_string(anchor.seq) + " hash=" + anchor.hash +
         " signed_at=" + anchor.signed_at + " signature=" + anchor.signature +
         " public_key=" + anchor.public_key;
}

std::optional<Anchor> ParseAnchor(std::string_view text) {
  Anchor anchor;
  bool has_seq = false;
  while (!text.empty()) {
    size_t space = text.find(' ');
    std::string_view part = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = part.substr(0, eq);
    std::string value(part.substr(eq + 1));
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
    if (key == "seq") {
      // The whole value, digits only: "5x" or "-5" is a damaged anchor, not anchor 5.
      const char* end = value.data() + value.size();
      auto [stop, error] = std::from_chars(value.data(), end, anchor.seq);
      if (value.empty() || value.front() == '-' || error != std::errc() || stop != end) {
        return std::nullopt;
      }
      has_seq = true;
    } else if (key == "hash") {
      anchor.hash = value;
    } else if (key == "signed_at") {
      anchor.signed_at = value;
    } else if (key == "signature") {
      anchor.signature = value;
    } else if (key == "public_key") {
      anchor.public_key = value;
    }
  }
  if (!has_seq || anchor.signature.empty() || anchor.signed_at.empty()) return std::nullopt;
  return anchor;
}

Result<void> VerifyAnchor(db::Database& db, const Anchor& anchor,
                          std::span<const std::uint8_t> public_key) {
  auto signature = crypto::FromBase64(anchor.signature);
  if (!signature ||
      !crypto::VerifySignature(public_key, AnchorMessage(anchor.seq, anchor.hash, anchor.signed_at),
                               *signature)) {
    return Fail(Problem::Invalid("anchor",
                                 "the anchor's signature does not verify with this key "
                                 "file: it was altered or made with other keys"));
  }
  if (anchor.seq == 0) return {};
  auto row = db.Read([&](db::Tx& tx) {
    return tx.QueryOne("SELECT hash FROM audit_events WHERE seq = ?", {anchor.seq});
  });
  if (!row) {
    return Fail(Problem::Invalid("anchor", "anchored event " + std::to_string(anchor.seq) +
                                               " is no longer in the audit log"));
  }
  if (row->text(0) != anchor.hash) {
    return Fail(Problem::Invalid("anchor", "anchored event " + std::to_string(anchor.seq) +
                                               " no longer has the anchored hash"));
  }
  return {};
}

}  // namespace waymark::audit
