#include "assessments/store.hpp"

#include <algorithm>
#include <stdexcept>

#include "assessments/document.hpp"
#include "platform/crypto/field_cipher.hpp"

namespace waymark::assessments {

namespace {

constexpr std::string_view kNeedsTable = "needs_assessments";
constexpr std::string_view kRiskTable = "risk_assessments";
constexpr std::string_view kDocumentColumn = "document";

// A stored value that does not parse is corruption, never a person's mistake.
[[noreturn]] void Corrupt(std::string_view table, std::string_view id, std::string_view what) {
  throw std::runtime_error(std::string(table) + " " + std::string(id) + ": " + std::string(what));
}

template <class T>
T Parsed(std::optional<T> value, std::string_view table, std::string_view id,
         std::string_view what) {
  if (!value) Corrupt(table, id, "unknown " + std::string(what));
  return *value;
}

Date StoredDate(const std::string& text, std::string_view table, std::string_view id) {
  return Parsed(ParseIsoDate(text), table, id, "date");
}

std::string DecryptDocument(const crypto::DataKey& key, const db::Blob& blob,
                            std::string_view table, std::string_view id) {
  auto plain = crypto::DecryptField(key, blob, {table, kDocumentColumn, id});
  if (!plain) Corrupt(table, id, plain.error().message);
  return *plain;
}

// The clear columns every list and load reads, in this order.
Recorded RecordedFrom(const db::Row& row) {
  Recorded r;
  r.id = row.text(0);
  r.case_id = row.text(1);
  r.version = static_cast<int>(row.integer(2));
  r.based_on = static_cast<int>(row.optional_integer(3).value_or(0));
  r.recorded_at = row.time(4);
  r.recorded_by = row.text(5);
  return r;
}

constexpr std::string_view kRecordedColumns =
    "id, case_id, version, based_on, recorded_at, recorded_by";

std::optional<int> NullableVersion(int based_on) {
  return based_on > 0 ? std::optional<int>(based_on) : std::nullopt;
}

int Latest(db::Tx& tx, std::string_view table, std::string_view case_id) {
  auto row = tx.QueryOne("SELECT max(version) FROM " + std::string(table) + " WHERE case_id = ?",
                         {case_id});
  return row && !row->is_null(0) ? static_cast<int>(row->integer(0)) : 0;
}

}  // namespace

int LatestNeedsVersion(db::Tx& tx, std::string_view case_id) {
  return Latest(tx, kNeedsTable, case_id);
}

int LatestRiskVersion(db::Tx& tx, std::string_view case_id) {
  return Latest(tx, kRiskTable, case_id);
}

void InsertNeeds(db::Tx& tx, const crypto::DataKey& key, std::string_view organisation_id,
                 const StoredNeeds& saved) {
  const Recorded& r = saved.recorded;
  const NeedsAssessment& a = saved.assessment;
  NeedsText text{.descriptions = {}, .strengths = a.strengths};
  for (const auto& need : a.needs) text.descriptions.push_back(need.description);
  tx.Execute(
      "INSERT INTO needs_assessments (id, case_id, organisation_id, version, based_on, kind, "
      "mode, assessed_on, document, recorded_at, recorded_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, r.case_id, organisation_id, r.version, NullableVersion(r.based_on), Code(a.kind),
       Code(a.mode), FormatIsoDate(a.assessed_on),
       crypto::EncryptField(key, EncodeNeedsText(text), {kNeedsTable, kDocumentColumn, r.id}),
       r.recorded_at, r.recorded_by});
  for (size_t i = 0; i < a.needs.size(); ++i) {
    const Need& need = a.needs[i];
    tx.Execute(
        "INSERT INTO needs_assessment_needs (assessment_id, ordinal, area, time_frame, met) "
        "VALUES (?, ?, ?, ?, ?)",
        {r.id, static_cast<int64_t>(i), Code(need.domain), Code(need.time_frame), need.met});
  }
}

void InsertRisk(db::Tx& tx, const crypto::DataKey& key, std::string_view organisation_id,
                const StoredRisk& saved) {
  const Recorded& r = saved.recorded;
  const RiskAssessment& a = saved.assessment;
  RiskText text;
  for (const auto& rating : a.risks) {
    if (!rating.notes.empty()) text.notes[rating.kind] = rating.notes;
  }
  tx.Execute(
      "INSERT INTO risk_assessments (id, case_id, organisation_id, version, based_on, "
      "assessed_on, overall, review_on, document, recorded_at, recorded_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, r.case_id, organisation_id, r.version, NullableVersion(r.based_on),
       FormatIsoDate(a.assessed_on), Code(a.overall), FormatIsoDate(a.review_on),
       crypto::EncryptField(key, EncodeRiskText(text), {kRiskTable, kDocumentColumn, r.id}),
       r.recorded_at, r.recorded_by});
  for (const auto& rating : a.risks) {
    tx.Execute("INSERT INTO risk_assessment_ratings (assessment_id, kind, level) VALUES (?, ?, ?)",
               {r.id, Code(rating.kind), Code(rating.level)});
  }
}

std::optional<StoredNeeds> LoadNeeds(db::Tx& tx, const crypto::DataKey& key,
                                     std::string_view case_id, int version) {
  auto row = tx.QueryOne("SELECT " + std::string(kRecordedColumns) +
                             ", kind, mode, assessed_on, document FROM needs_assessments "
                             "WHERE case_id = ? AND version = ?",
                         {case_id, version});
  if (!row) return std::nullopt;
  StoredNeeds out;
  out.recorded = RecordedFrom(*row);
  const std::string& id = out.recorded.id;
  NeedsAssessment& a = out.assessment;
  a.version = out.recorded.version;
  a.kind = Parsed(ParseAssessmentKind(row->text(6)), kNeedsTable, id, "kind");
  a.mode = Parsed(ParseMeetingMode(row->text(7)), kNeedsTable, id, "mode");
  a.assessed_on = StoredDate(row->text(8), kNeedsTable, id);
  auto text = DecodeNeedsText(DecryptDocument(key, row->blob(9), kNeedsTable, id));
  if (!text) Corrupt(kNeedsTable, id, text.error().message);
  a.strengths = text->strengths;
  for (const auto& need : tx.Query("SELECT area, time_frame, met FROM needs_assessment_needs "
                                   "WHERE assessment_id = ? ORDER BY ordinal",
                                   {id})) {
    size_t i = a.needs.size();
    if (i >= text->descriptions.size()) Corrupt(kNeedsTable, id, "more needs than descriptions");
    a.needs.push_back({Parsed(ParseNeedDomain(need.text(0)), kNeedsTable, id, "area"),
                       Parsed(ParseTimeFrame(need.text(1)), kNeedsTable, id, "time frame"),
                       text->descriptions[i], need.boolean(2)});
  }
  if (a.needs.size() != text->descriptions.size()) {
    Corrupt(kNeedsTable, id, "fewer needs than descriptions");
  }
  return out;
}

std::optional<StoredRisk> LoadRisk(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                                   int version) {
  auto row = tx.QueryOne("SELECT " + std::string(kRecordedColumns) +
                             ", assessed_on, overall, review_on, document FROM risk_assessments "
                             "WHERE case_id = ? AND version = ?",
                         {case_id, version});
  if (!row) return std::nullopt;
  StoredRisk out;
  out.recorded = RecordedFrom(*row);
  const std::string& id = out.recorded.id;
  RiskAssessment& a = out.assessment;
  a.version = out.recorded.version;
  a.assessed_on = StoredDate(row->text(6), kRiskTable, id);
  a.overall = Parsed(ParseOverallRisk(row->text(7)), kRiskTable, id, "overall level");
  a.review_on = StoredDate(row->text(8), kRiskTable, id);
  auto text = DecodeRiskText(DecryptDocument(key, row->blob(9), kRiskTable, id));
  if (!text) Corrupt(kRiskTable, id, text.error().message);
  for (const auto& rating :
       tx.Query("SELECT kind, level FROM risk_assessment_ratings WHERE assessment_id = ?", {id})) {
    RiskKind kind = Parsed(ParseRiskKind(rating.text(0)), kRiskTable, id, "risk");
    auto notes = text->notes.find(kind);
    a.risks.push_back({kind, Parsed(ParseRiskLevel(rating.text(1)), kRiskTable, id, "level"),
                       notes == text->notes.end() ? std::string() : notes->second});
  }
  // The model keeps ratings in AllRiskKinds() order; the table has no order of its own.
  std::sort(a.risks.begin(), a.risks.end(),
            [](const RiskRating& x, const RiskRating& y) { return x.kind < y.kind; });
  return out;
}

namespace {
std::vector<NeedsVersionSummary> NeedsVersionsFrom(const db::Rows& rows) {
  std::vector<NeedsVersionSummary> out;
  for (const auto& row : rows) {
    NeedsVersionSummary s;
    s.recorded = RecordedFrom(row);
    const std::string& id = s.recorded.id;
    s.kind = Parsed(ParseAssessmentKind(row.text(6)), kNeedsTable, id, "kind");
    s.mode = Parsed(ParseMeetingMode(row.text(7)), kNeedsTable, id, "mode");
    s.assessed_on = StoredDate(row.text(8), kNeedsTable, id);
    s.needs = static_cast<int>(row.integer(9));
    s.unmet = static_cast<int>(row.integer(10));
    out.push_back(std::move(s));
  }
  return out;
}
}  // namespace

std::vector<NeedsVersionSummary> ListNeedsVersions(db::Tx& tx, std::string_view case_id) {
  return ListNeedsVersionsLater(tx, case_id).Get();
}

db::Later<std::vector<NeedsVersionSummary>> ListNeedsVersionsLater(db::Tx& tx,
                                                                   std::string_view case_id) {
  return {tx.QueryLater(
              "SELECT a.id, a.case_id, a.version, a.based_on, a.recorded_at, a.recorded_by, "
              "a.kind, a.mode, a.assessed_on, "
              "(SELECT count(*) FROM needs_assessment_needs n WHERE n.assessment_id = a.id), "
              "(SELECT count(*) FROM needs_assessment_needs n WHERE n.assessment_id = a.id AND "
              "n.met = 0) "
              "FROM needs_assessments a WHERE a.case_id = ? ORDER BY a.version DESC",
              {case_id}),
          NeedsVersionsFrom};
}

std::vector<RiskVersionSummary> ListRiskVersions(db::Tx& tx, std::string_view case_id) {
  std::vector<RiskVersionSummary> out;
  for (const auto& row : tx.Query("SELECT " + std::string(kRecordedColumns) +
                                      ", assessed_on, overall, review_on FROM risk_assessments "
                                      "WHERE case_id = ? ORDER BY version DESC",
                                  {case_id})) {
    RiskVersionSummary s;
    s.recorded = RecordedFrom(row);
    const std::string& id = s.recorded.id;
    s.assessed_on = StoredDate(row.text(6), kRiskTable, id);
    s.overall = Parsed(ParseOverallRisk(row.text(7)), kRiskTable, id, "overall level");
    s.review_on = StoredDate(row.text(8), kRiskTable, id);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<RiskReviewDate> CurrentRiskReview(db::Tx& tx, std::string_view case_id, Date today) {
  return CurrentRiskReviewLater(tx, case_id, today).Get();
}

db::Later<std::optional<RiskReviewDate>> CurrentRiskReviewLater(db::Tx& tx,
                                                                std::string_view case_id,
                                                                Date today) {
  return {tx.QueryLater(
              "SELECT id, version, overall, review_on FROM risk_assessments WHERE case_id = ? AND "
              "version = (SELECT max(version) FROM risk_assessments WHERE case_id = ?)",
              {case_id, case_id}),
          [case_id = std::string(case_id),
           today](const db::Rows& rows) -> std::optional<RiskReviewDate> {
            auto row = db::AtMostOne(rows);
            if (!row) return std::nullopt;
            const std::string& id = row->text(0);
            RiskAssessment current;
            current.review_on = StoredDate(row->text(3), kRiskTable, id);
            return RiskReviewDate{
                case_id, static_cast<int>(row->integer(1)),
                Parsed(ParseOverallRisk(row->text(2)), kRiskTable, id, "overall level"),
                current.review_on, ReviewOverdue(current, today)};
          }};
}

std::vector<NeedDomain> CurrentNeedAreas(db::Tx& tx, std::string_view case_id) {
  std::vector<NeedDomain> found;
  for (const auto& row :
       tx.Query("SELECT DISTINCT n.area FROM needs_assessment_needs n JOIN needs_assessments a ON "
                "a.id = n.assessment_id WHERE a.case_id = ? AND a.version = (SELECT max(version) "
                "FROM needs_assessments WHERE case_id = ?)",
                {case_id, case_id})) {
    found.push_back(Parsed(ParseNeedDomain(row.text(0)), kNeedsTable, case_id, "area"));
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace waymark::assessments
