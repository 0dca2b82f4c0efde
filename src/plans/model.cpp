#include "plans/model.hpp"

#include <set>
#include <stdexcept>

#include "platform/util/code_table.hpp"

namespace waymark::plans {

namespace {

template <class E>
using Entry = CodeEntry<E>;

constexpr std::array<Entry<ActionStatus>, 4> kActionStatuses{{
    {ActionStatus::kNotStarted, "not_started", "Not started"},
    {ActionStatus::kInProgress, "in_progress", "In progress"},
    {ActionStatus::kDone, "done", "Done"},
    {ActionStatus::kCancelled, "cancelled", "Cancelled"},
}};

constexpr std::array<Entry<RightsFormat>, 7> kRightsFormats{{
    {RightsFormat::kSpoken, "spoken", "Spoken (face to face or by phone)"},
    {RightsFormat::kWritten, "written", "Written"},
    {RightsFormat::kEasyRead, "easy_read", "Easy read"},
    {RightsFormat::kAudio, "audio", "Audio recording"},
    {RightsFormat::kVideo, "video", "Video"},
    {RightsFormat::kSignLanguage, "sign_language", "Sign language"},
    {RightsFormat::kBraille, "braille", "Braille"},
}};

constexpr std::array<Entry<PlanStatus>, 3> kPlanStatuses{{
    {PlanStatus::kDraft, "draft", "Draft"},
    {PlanStatus::kAgreed, "agreed", "Agreed with the person"},
    {PlanStatus::kApproved, "approved", "Approved"},
}};

constexpr auto kAllActionStatuses = ValuesOf(kActionStatuses);
constexpr auto kAllRightsFormats = ValuesOf(kRightsFormats);
constexpr auto kAllPlanStatuses = ValuesOf(kPlanStatuses);

}  // namespace

std::span<const ActionStatus> AllActionStatuses() { return kAllActionStatuses; }
std::span<const RightsFormat> AllRightsFormats() { return kAllRightsFormats; }
std::span<const PlanStatus> AllPlanStatuses() { return kAllPlanStatuses; }

std::string_view Code(ActionStatus value) { return EntryFor(kActionStatuses, value).code; }
std::string_view Code(RightsFormat value) { return EntryFor(kRightsFormats, value).code; }
std::string_view Code(PlanStatus value) { return EntryFor(kPlanStatuses, value).code; }
std::optional<ActionStatus> ParseActionStatus(std::string_view code) {
  return ParseCode(kActionStatuses, code);
}
std::optional<RightsFormat> ParseRightsFormat(std::string_view code) {
  return ParseCode(kRightsFormats, code);
}
std::optional<PlanStatus> ParsePlanStatus(std::string_view code) {
  return ParseCode(kPlanStatuses, code);
}
std::string_view Label(ActionStatus value) { return EntryFor(kActionStatuses, value).label; }
std::string_view Label(RightsFormat value) { return EntryFor(kRightsFormats, value).label; }
std::string_view Label(PlanStatus value) { return EntryFor(kPlanStatuses, value).label; }

bool LooksLikeLanguageCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

const std::optional<PointEvidence>& Plan::EvidenceFor(int point) const {
  static const std::optional<PointEvidence> kNone;
  if (point < 1 || point > kSfjbms05PointCount) return kNone;
  return evidence[static_cast<size_t>(point - 1)];
}

bool ReviewDue(const Plan& plan, Date today) {
  if (plan.status == PlanStatus::kDraft || !plan.review_on) return false;
  return today >= *plan.review_on;
}

std::optional<Plan> PlanInForce(std::span<const Plan> versions) {
  std::set<int> seen;
  const Plan* best = nullptr;
  for (const Plan& plan : versions) {
    if (plan.version < 1) {
      throw std::invalid_argument("plan version " + std::to_string(plan.version) +
                                  " is not positive");
    }
    if (!seen.insert(plan.version).second) {
      throw std::invalid_argument("two plans have version " + std::to_string(plan.version));
    }
    if (plan.status == PlanStatus::kDraft) continue;
    if (!best || plan.version > best->version) best = &plan;
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace waymark::plans
