#include "nrm/store.hpp"

#include <stdexcept>

#include "platform/crypto/field_cipher.hpp"

namespace waymark::nrm {

namespace {

constexpr std::string_view kTable = "nrm_events";

// The columns an event's values go to; unset ones are NULL.
struct Columns {
  std::optional<std::string> authority;
  std::optional<std::string> outcome;
  std::optional<std::string> grounds;
  std::optional<bool> identifying_details;
  std::optional<std::string> extended_to;
  std::optional<std::string> first_responder;  // plaintext, encrypted on the way in
};

Columns ColumnsOf(const Event& event) {
  Columns c;
  if (auto* e = std::get_if<DutyToNotifySent>(&event)) {
    c.identifying_details = e->identifying_details_included;
  } else if (auto* e = std::get_if<Referred>(&event)) {
    c.authority = std::string(Code(e->authority));
    c.first_responder = e->first_responder;
  } else if (auto* e = std::get_if<RgDecided>(&event)) {
    c.outcome = std::string(Code(e->outcome));
  } else if (auto* e = std::get_if<CgDecided>(&event)) {
    c.outcome = std::string(Code(e->outcome));
  } else if (auto* e = std::get_if<Disqualified>(&event)) {
    c.grounds = std::string(Code(e->grounds));
  } else if (auto* e = std::get_if<RnaDecided>(&event)) {
    if (e->extended_to) c.extended_to = FormatIsoDate(*e->extended_to);
  }
  return c;
}

[[noreturn]] void Corrupt(std::string_view id, std::string_view what) {
  throw std::runtime_error("nrm_events " + std::string(id) + ": " + std::string(what));
}

template <class T>
T Must(std::optional<T> value, std::string_view id, std::string_view column) {
  if (!value) Corrupt(id, "unreadable " + std::string(column));
  return *value;
}

std::string Decrypt(const crypto::DataKey& key, const db::Blob& blob, std::string_view column,
                    std::string_view id) {
  auto plain = crypto::DecryptField(key, blob, {kTable, column, id});
  if (!plain) Corrupt(id, plain.error().message);
  return *plain;
}

Event EventFrom(const db::Row& row, const crypto::DataKey& key, const std::string& id) {
  EventKind kind = Must(ParseEventKind(row.text("kind")), id, "kind");
  Date date = Must(ParseIsoDate(row.text("event_date")), id, "event_date");
  auto text = [&](std::string_view column) { return row.optional_text(column).value_or(""); };
  switch (kind) {
    case EventKind::kDutyToNotifySent:
      return DutyToNotifySent{date, row.optional_integer("identifying_details").value_or(0) != 0};
    case EventKind::kReferred: {
      auto blob = row.optional_blob("first_responder");
      return Referred{date, blob ? Decrypt(key, *blob, "first_responder", id) : "",
                      Must(ParseCompetentAuthority(text("authority")), id, "authority")};
    }
    case EventKind::kRgDecided:
      return RgDecided{date, Must(ParseRgOutcome(text("outcome")), id, "outcome")};
    case EventKind::kCgDecided:
      return CgDecided{date, Must(ParseCgOutcome(text("outcome")), id, "outcome")};
    case EventKind::kReconsiderationRequested:
      return ReconsiderationRequested{date};
    case EventKind::kDisqualified:
      return Disqualified{date, Must(ParseDisqualificationGrounds(text("grounds")), id, "grounds")};
    case EventKind::kMoveOnStarted:
      return MoveOnStarted{date};
    case EventKind::kRnaSubmitted:
      return RnaSubmitted{date};
    case EventKind::kRnaDecided: {
      std::optional<Date> extended_to;
      if (auto stored = row.optional_text("extended_to")) {
        extended_to = Must(ParseIsoDate(*stored), id, "extended_to");
      }
      return RnaDecided{date, extended_to};
    }
    case EventKind::kExited:
      return Exited{date};
    case EventKind::kReachInStarted:
      return ReachInStarted{date};
  }
  Corrupt(id, "unknown kind");
}

std::vector<StoredEntry> EntriesFrom(const db::Rows& rows, const crypto::DataKey& key) {
  std::vector<StoredEntry> entries;
  for (const auto& row : rows) {
    StoredEntry entry;
    entry.id = row.text("id");
    entry.seq = row.integer("seq");
    entry.event = EventFrom(row, key, entry.id);
    entry.corrects = row.optional_text("corrects");
    if (auto note = row.optional_blob("note")) entry.note = Decrypt(key, *note, "note", entry.id);
    entry.recorded_at = Must(row.optional_time("recorded_at"), entry.id, "recorded_at");
    entry.recorded_by = row.text("recorded_by");
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::vector<StoredEntry> LoadEntries(db::Tx& tx, const crypto::DataKey& key,
                                     std::string_view case_id) {
  return LoadEntriesLater(tx, key, case_id).Get();
}

db::Later<std::vector<StoredEntry>> LoadEntriesLater(db::Tx& tx, const crypto::DataKey& key,
                                                     std::string_view case_id) {
  return {tx.QueryLater(
              "SELECT id, seq, kind, event_date, corrects, authority, outcome, grounds, "
              "identifying_details, extended_to, first_responder, note, recorded_at, recorded_by "
              "FROM nrm_events WHERE case_id = ? ORDER BY seq",
              {std::string(case_id)}),
          [&key](const db::Rows& rows) { return EntriesFrom(rows, key); }};
}

void InsertEntry(db::Tx& tx, const crypto::DataKey& key, std::string_view organisation_id,
                 std::string_view case_id, const StoredEntry& entry) {
  Columns c = ColumnsOf(entry.event);
  std::optional<db::Blob> first_responder;
  if (c.first_responder) {
    first_responder =
        crypto::EncryptField(key, *c.first_responder, {kTable, "first_responder", entry.id});
  }
  std::optional<db::Blob> note;
  if (!entry.note.empty()) note = crypto::EncryptField(key, entry.note, {kTable, "note", entry.id});
  tx.Execute(
      "INSERT INTO nrm_events (id, case_id, organisation_id, seq, kind, event_date, corrects, "
      "authority, outcome, grounds, identifying_details, extended_to, first_responder, note, "
      "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.id, std::string(case_id), std::string(organisation_id), entry.seq,
       std::string(Code(KindOf(entry.event))), FormatIsoDate(DateOf(entry.event)), entry.corrects,
       c.authority, c.outcome, c.grounds, c.identifying_details, c.extended_to, first_responder,
       note, entry.recorded_at, entry.recorded_by});
}

void LockPathway(db::Tx& tx, std::string_view case_id) {
  tx.Execute("UPDATE cases SET nrm_stage = nrm_stage WHERE id = ?", {std::string(case_id)});
}

std::vector<Entry> AsEntries(const std::vector<StoredEntry>& stored) {
  std::vector<Entry> entries;
  entries.reserve(stored.size());
  for (const auto& s : stored) entries.push_back(Entry{s.id, s.event, s.corrects});
  return entries;
}

}  // namespace waymark::nrm
