#include "plans/store.hpp"

#include <stdexcept>

#include "plans/document.hpp"
#include "platform/crypto/field_cipher.hpp"

namespace waymark::plans {

namespace {

constexpr std::string_view kTable = "plan_versions";
constexpr std::string_view kColumn = "document";
constexpr std::string_view kColumns =
    "version, status, revision, review_on, agreed_on, agreed_by, approved_on, approved_by, "
    "document, created_at, created_by, updated_at, updated_by";

std::string RowId(std::string_view case_id, int version) {
  return std::string(case_id) + ":" + std::to_string(version);
}

std::optional<Date> OptionalDate(const db::Row& row, size_t i) {
  auto text = row.optional_text(i);
  if (!text) return std::nullopt;
  auto date = ParseIsoDate(*text);
  if (!date) throw std::runtime_error("plan_versions: a stored date does not read");
  return date;
}

std::optional<std::string> OptionalIso(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return FormatIsoDate(*date);
}

StoredPlan FromRow(const db::Row& row, const crypto::DataKey& key, std::string_view case_id) {
  StoredPlan out;
  Plan& plan = out.plan;
  plan.version = static_cast<int>(row.integer(0));
  auto status = ParsePlanStatus(row.text(1));
  if (!status) throw std::runtime_error("plan_versions: unknown status");
  plan.status = *status;
  out.revision = row.integer(2);
  plan.review_on = OptionalDate(row, 3);
  if (auto agreed_on = OptionalDate(row, 4)) {
    plan.agreement =
        Agreement{*agreed_on, MeetingMode::kInPerson, "", false, row.optional_text(5).value_or("")};
  }
  if (auto approved_on = OptionalDate(row, 6)) {
    plan.approval = Approval{row.optional_text(7).value_or(""), *approved_on};
  }
  std::string row_id = RowId(case_id, plan.version);
  auto plain = crypto::DecryptField(key, row.blob(8), {kTable, kColumn, row_id});
  if (!plain) throw std::runtime_error("plan " + row_id + ": " + plain.error().message);
  if (auto decoded = DecodePlanDocument(*plain, plan); !decoded) {
    throw std::runtime_error("plan " + row_id + ": " + decoded.error().message);
  }
  out.created_at = row.time(9);
  out.created_by = row.text(10);
  out.updated_at = row.time(11);
  out.updated_by = row.text(12);
  return out;
}

db::Blob Encrypt(const crypto::DataKey& key, std::string_view case_id, const Plan& plan) {
  return crypto::EncryptField(key, EncodePlanDocument(plan),
                              {kTable, kColumn, RowId(case_id, plan.version)});
}

}  // namespace

std::optional<PlanHeader> FindCurrentPlanHeader(db::Tx& tx, std::string_view case_id) {
  return FindCurrentPlanHeaderLater(tx, case_id).Get();
}

db::Later<std::optional<PlanHeader>> FindCurrentPlanHeaderLater(db::Tx& tx,
                                                                std::string_view case_id) {
  return {tx.QueryLater("SELECT version, status, review_on, revision FROM plan_versions WHERE "
                        "case_id = ? ORDER BY version DESC LIMIT 1",
                        {std::string(case_id)}),
          [](const db::Rows& rows) -> std::optional<PlanHeader> {
            auto row = db::AtMostOne(rows);
            if (!row) return std::nullopt;
            auto status = ParsePlanStatus(row->text(1));
            if (!status) throw std::runtime_error("plan_versions: unknown status");
            return PlanHeader{static_cast<int>(row->integer(0)), *status, OptionalDate(*row, 2),
                              row->integer(3)};
          }};
}

std::vector<StoredPlan> LoadPlanVersions(db::Tx& tx, const crypto::DataKey& key,
                                         std::string_view case_id) {
  std::vector<StoredPlan> out;
  for (const auto& row : tx.Query("SELECT " + std::string(kColumns) +
                                      " FROM plan_versions WHERE case_id = ? ORDER BY version",
                                  {std::string(case_id)})) {
    out.push_back(FromRow(row, key, case_id));
  }
  return out;
}

std::optional<StoredPlan> LoadPlanVersion(db::Tx& tx, const crypto::DataKey& key,
                                          std::string_view case_id, int version) {
  auto row = tx.QueryOne(
      "SELECT " + std::string(kColumns) + " FROM plan_versions WHERE case_id = ? AND version = ?",
      {std::string(case_id), version});
  if (!row) return std::nullopt;
  return FromRow(*row, key, case_id);
}

std::optional<StoredPlan> LoadCurrentPlan(db::Tx& tx, const crypto::DataKey& key,
                                          std::string_view case_id) {
  auto row = tx.QueryOne("SELECT " + std::string(kColumns) +
                             " FROM plan_versions WHERE case_id = ? ORDER BY version DESC LIMIT 1",
                         {std::string(case_id)});
  if (!row) return std::nullopt;
  return FromRow(*row, key, case_id);
}

void InsertPlanVersion(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                       std::string_view organisation_id, const Plan& plan, int64_t revision,
                       std::string_view actor_id, TimePoint now) {
  if (plan.status != PlanStatus::kDraft) {
    throw std::invalid_argument("a new plan version starts as a draft");
  }
  tx.Execute(
      "INSERT INTO plan_versions (case_id, version, organisation_id, status, revision, "
      "review_on, document, created_at, created_by, updated_at, updated_by) "
      "VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)",
      {std::string(case_id), plan.version, std::string(organisation_id), revision,
       OptionalIso(plan.review_on), Encrypt(key, case_id, plan), now, std::string(actor_id), now,
       std::string(actor_id)});
}

bool SaveDraft(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id, const Plan& plan,
               int64_t expected_revision, std::string_view actor_id, TimePoint now) {
  if (plan.status == PlanStatus::kApproved) {
    throw std::invalid_argument("SaveDraft writes a draft or its agreement, not an approval");
  }
  std::optional<std::string> agreed_on, agreed_by;
  if (plan.agreement) {
    agreed_on = FormatIsoDate(plan.agreement->agreed_on);
    agreed_by = plan.agreement->agreed_by;
  }
  int64_t changed = tx.Execute(
      "UPDATE plan_versions SET status = ?, revision = revision + 1, review_on = ?, "
      "agreed_on = ?, agreed_by = ?, document = ?, updated_at = ?, updated_by = ? "
      "WHERE case_id = ? AND version = ? AND revision = ? AND status = 'draft'",
      {std::string(Code(plan.status)), OptionalIso(plan.review_on), agreed_on, agreed_by,
       Encrypt(key, case_id, plan), now, std::string(actor_id), std::string(case_id), plan.version,
       expected_revision});
  return changed == 1;
}

bool SaveApproval(db::Tx& tx, std::string_view case_id, int version, const Approval& approval,
                  int64_t expected_revision, TimePoint now) {
  int64_t changed = tx.Execute(
      "UPDATE plan_versions SET status = 'approved', revision = revision + 1, approved_on = ?, "
      "approved_by = ?, updated_at = ?, updated_by = ? "
      "WHERE case_id = ? AND version = ? AND revision = ? AND status = 'agreed'",
      {FormatIsoDate(approval.approved_on), approval.approved_by, now, approval.approved_by,
       std::string(case_id), version, expected_revision});
  return changed == 1;
}

}  // namespace waymark::plans
