#include "tests/platform/audit/audit_test_support.hpp"

#include <chrono>

#include "platform/crypto/hashes.hpp"
#include "platform/db/embedded_migrations.hpp"
#include "platform/db/migrations.hpp"

namespace waymark::audit::testing {

namespace {

void AppendField(std::string& out, const std::optional<std::string>& value) {
  if (!value) {
    out += "-|";
    return;
  }
  out += std::to_string(value->size()) + ":" + *value + "|";
}

constexpr const char* kSelectEvent =
    "SELECT seq, at, request_id, actor_id, organisation_id, action, outcome, subject_type, "
    "subject_id, details, prev_hash, hash, mac FROM audit_events WHERE seq = ?";

}  // namespace

std::string IntruderChainHash(const EventRow& e) {
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

void AuditTest::SetUp() {
  DatabaseTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  auto report = db::Migrate(db(), db::EmbeddedMigrations(backend()));
  ASSERT_TRUE(report) << report.error().message;
}

Event AuditTest::SampleEvent(int index) {
  Event event;
  event.action = index % 2 ? "case.read" : "case.update";
  event.outcome = index % 3 == 0 ? Outcome::kDenied : Outcome::kSuccess;
  event.actor_id = "user-" + std::to_string(index % 7);
  event.organisation_id = "org-1";
  event.subject_type = "case";
  event.subject_id = "case-" + std::to_string(index);
  if (index % 5 != 0) event.request_id = "req-" + std::to_string(index);
  event.details = {{"index", std::to_string(index)}, {"field", "status"}};
  return event;
}

std::vector<int64_t> AuditTest::AppendEvents(int count, int first_index) {
  return db().Write([&](db::Tx& tx) {
    std::vector<int64_t> seqs;
    for (int i = 0; i < count; ++i) {
      clock_.Advance(std::chrono::seconds(1));
      seqs.push_back(log_.Append(tx, SampleEvent(first_index + i)));
    }
    return seqs;
  });
}

int64_t AuditTest::AppendOne(int index) {
  clock_.Advance(std::chrono::milliseconds(1));
  return db().Write([&](db::Tx& tx) { return log_.Append(tx, SampleEvent(index)); });
}

void AuditTest::Tamper(std::string_view sql, const db::Params& params) {
  TamperAll({{std::string(sql), params}});
}

void AuditTest::TamperAll(const std::vector<std::pair<std::string, db::Params>>& statements) {
  db().Write([&](db::Tx& tx) {
    if (backend() == db::BackendKind::kSqlite) {
      tx.ExecuteScript(
          "DROP TRIGGER IF EXISTS audit_events_no_update;"
          "DROP TRIGGER IF EXISTS audit_events_no_delete;");
    } else {
      tx.ExecuteScript("ALTER TABLE audit_events DISABLE TRIGGER USER");
    }
    for (const auto& [sql, params] : statements) tx.Execute(sql, params);
    if (backend() == db::BackendKind::kPostgres) {
      tx.ExecuteScript("ALTER TABLE audit_events ENABLE TRIGGER USER");
    }
  });
}

std::optional<EventRow> AuditTest::ReadEvent(int64_t seq) {
  auto row = db().Read([&](db::Tx& tx) { return tx.QueryOne(kSelectEvent, {seq}); });
  if (!row) return std::nullopt;
  return EventRow{row->integer(0),       row->text(1), row->optional_text(2), row->optional_text(3),
                  row->optional_text(4), row->text(5), row->text(6),          row->optional_text(7),
                  row->optional_text(8), row->text(9), row->text(10),         row->text(11),
                  row->text(12)};
}

std::vector<int64_t> AuditTest::StoredSequenceNumbers() {
  db::Rows rows =
      db().Read([](db::Tx& tx) { return tx.Query("SELECT seq FROM audit_events ORDER BY seq"); });
  std::vector<int64_t> seqs;
  for (const db::Row& row : rows) seqs.push_back(row.integer(0));
  return seqs;
}

AuditTest::Head AuditTest::ReadHead() {
  auto row = db().Read(
      [](db::Tx& tx) { return tx.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1"); });
  if (!row) throw std::runtime_error("audit_head row is missing");
  return {row->integer(0), row->text(1)};
}

}  // namespace waymark::audit::testing
