// Contacts, dependants and the modern-slavery history of a demo case (demo_records.hpp).
#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "app/demo_records.hpp"
#include "app/demo_valid.hpp"
#include "contacts/model.hpp"
#include "contacts/store.hpp"
#include "dependants/model.hpp"
#include "dependants/store.hpp"
#include "exploitation/model.hpp"
#include "exploitation/store.hpp"
#include "platform/util/ids.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::app::demo {

namespace {

using std::chrono::days;

template <class T, size_t N>
const T& Pick(const CaseLife& life, const std::array<T, N>& items) {
  return items[life.Between(0, static_cast<int>(N) - 1)];
}

constexpr std::array<std::string_view, 8> kNotes{
    "Demo note: weekly check-in, settling in well.",
    "Demo note: went through the next steps of the NRM.",
    "Demo note: helped with a GP registration.",
    "Demo note: talked about English classes nearby.",
    "Demo note: accompanied to a solicitor's appointment.",
    "Demo note: reviewed the safety plan together.",
    "Demo note: arranged a food bank voucher.",
    "Demo note: asked about contact with family abroad.",
};

struct Weighted {
  std::string_view code;
  int weight;
};

template <size_t N>
std::string_view PickWeighted(const CaseLife& life, const std::array<Weighted, N>& items) {
  int total = 0;
  for (const auto& i : items) total += i.weight;
  int at = life.Between(0, total - 1);
  for (const auto& i : items) {
    if ((at -= i.weight) < 0) return i.code;
  }
  return items.back().code;
}

constexpr std::array<Weighted, 5> kContactTypes{
    {{"visit", 35}, {"phone", 30}, {"message", 15}, {"video", 10}, {"attempted", 10}}};

std::string Two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Home Office, Modern Slavery: NRM and DtN statistics, end of year summary 2024: adults were
// most often referred for labour exploitation, then sexual and criminal exploitation, with
// domestic servitude and combinations smaller. domain.md section 6 records the ranking
// ("labour exploitation most common for adults") but not the shares: these weights approximate
// the published adult breakdown and should be checked against its table before being quoted.
// HTCDS has no criminal-exploitation type: it is "Other"; domestic servitude is "Servitude".
struct ExploitationShare {
  std::string_view home_office_type;
  int percent;
  std::array<std::string_view, 2> htcds;  // "" when only one
};
constexpr std::array<ExploitationShare, 6> kExploitationShares{{
    {"labour", 44, {"ForcedLabour", ""}},
    {"sexual", 20, {"SexualExploitation", ""}},
    {"criminal", 17, {"Other", ""}},
    {"domestic servitude", 9, {"Servitude", ""}},
    {"labour and sexual", 6, {"ForcedLabour", "SexualExploitation"}},
    {"labour and criminal", 4, {"ForcedLabour", "Other"}},
}};

constexpr std::array<std::string_view, 6> kIndustries{
    "I_AccommodationAndFoodServiceActivities",
    "A_AgricultureForestryAndFishing",
    "F_Construction",
    "C_Manufacturing",
    "S_OtherServiceActivities",
    "G_WholesaleAndRetailTradeRepairOfMotorVehicles"};
constexpr std::array<std::string_view, 6> kControl{
    "DebtBondage",   "FalsePromises",         "PhysicalThreats",
    "PhysicalAbuse", "ThreatsLawEnforcement", "ThreatensChildrenFamily"};
constexpr std::array<std::string_view, 4> kRecruitment{
    "AtWork", "ThroughOnlineSocialNetworks", "ThroughAnOnlineAdvertisement", "AtAPlaceOfBusiness"};
constexpr std::array<std::string_view, 3> kRelationships{"Acquainted", "Unaquainted", "Familial"};

exploitation::Period MakePeriod(const CaseLife& life, Date ends_before) {
  exploitation::PeriodInput input;
  int at = life.Between(0, 99);
  const ExploitationShare* share = &kExploitationShares.back();
  for (const auto& s : kExploitationShares) {
    if ((at -= s.percent) < 0) {
      share = &s;
      break;
    }
  }
  for (auto type : share->htcds) {
    if (!type.empty()) input.types.emplace_back(type);
  }
  if (share->htcds[0] == "ForcedLabour") input.industry = std::string(Pick(life, kIndustries));
  input.control = {std::string(Pick(life, kControl))};
  if (life.OneIn(2)) {
    std::string more(Pick(life, kControl));
    if (more != input.control.front()) input.control.push_back(more);
  }
  input.recruitment = {std::string(Pick(life, kRecruitment))};
  input.relationship = std::string(Pick(life, kRelationships));
  const std::string& country = life.record.clear.nationalities.front();
  if (country == "GB") {
    input.location = "uk";
  } else {
    input.location = life.OneIn(2) ? "both" : "uk";
    if (input.location == "both") input.countries = country;
  }
  std::chrono::year_month_day to{ends_before - days(life.Between(0, 60))};
  std::chrono::year_month_day from{ends_before - days(life.Between(90, 5 * 365))};
  input.from_month = std::to_string(static_cast<unsigned>(from.month()));
  input.from_year = std::to_string(static_cast<int>(from.year()));
  input.to_month = std::to_string(static_cast<unsigned>(to.month()));
  input.to_year = std::to_string(static_cast<int>(to.year()));
  exploitation::Period period = Valid(exploitation::ValidatePeriod(input, life.today), "period");
  period.id = NewId();
  return period;
}

}  // namespace

int AddContacts(const CaseLife& life, int count) {
  auto known = [](std::string_view code) { return vocabulary::FindLanguage(code) != nullptr; };
  int span = static_cast<int>((life.today - life.opened).count());
  std::vector<int> offsets;
  for (int i = 0; i < count; ++i) offsets.push_back(life.Between(0, span));
  std::sort(offsets.begin(), offsets.end());
  for (int offset : offsets) {
    Date day = life.opened + days(offset);
    std::chrono::year_month_day ymd{day};
    std::string type(PickWeighted(life, kContactTypes));
    bool spoken = type == "visit" || type == "phone" || type == "video";
    bool interpreter = spoken && life.record.clear.interpreter_needed;
    bool restricted = type != "attempted" && life.OneIn(15);
    contacts::ContactInput input{
        .date_day = std::to_string(static_cast<unsigned>(ymd.day())),
        .date_month = std::to_string(static_cast<unsigned>(ymd.month())),
        .date_year = std::to_string(static_cast<int>(ymd.year())),
        .contact_time = Two(life.Between(9, 16)) + ":" + Two(life.Between(0, 3) * 15),
        .contact_type = type,
        .contact_with = life.OneIn(7) ? "agency" : "survivor",
        .interpreter_used = interpreter ? "yes" : "no",
        .interpreter_language = interpreter ? std::string(life.record.clear.languages.front()) : "",
        .duration = spoken ? std::to_string(life.Between(2, 18) * 5) : "",
        .notes = type == "attempted" ? ""
                 : restricted ? "Demo restricted note: disclosed more of what happened; see the "
                                "safeguarding lead."
                              : std::string(Pick(life, kNotes)),
        .restricted = restricted ? "yes" : "no"};
    contacts::Contact c;
    c.id = NewId();
    c.case_id = life.record.id;
    c.organisation_id = life.record.organisation_id;
    c.details = Valid(contacts::ValidateContact(input, life.today, known), "contact");
    c.recorded_at = c.updated_at = life.At(day);
    c.recorded_by = c.updated_by = life.worker;
    contacts::InsertContact(life.tx, life.key, c);
  }
  return count;
}

void AddDependants(const CaseLife& life) {
  static constexpr std::array<std::string_view, 6> kChildNames{"Ela",  "Bao", "Noor",
                                                               "Luca", "Ama", "Rami"};
  int count = life.Between(1, 2);
  for (int i = 0; i < count; ++i) {
    bool child = !life.OneIn(5);
    dependants::DependantInput input;
    input.name = std::string(Pick(life, kChildNames)) + " " + life.record.personal.family_name;
    input.relationship = child ? "child" : "partner";
    input.whereabouts = life.OneIn(4) ? "overseas" : "with_survivor";
    input.needs = child ? "Demo: needs a school place nearby." : "Demo: needs a GP registration.";
    input.risks = "Demo: none known.";
    if (child) {
      std::chrono::year_month_day dob{life.today - days(life.Between(365, 16 * 365))};
      input.dob_day = std::to_string(static_cast<unsigned>(dob.day()));
      input.dob_month = std::to_string(static_cast<unsigned>(dob.month()));
      input.dob_year = std::to_string(static_cast<int>(dob.year()));
      input.school = input.whereabouts == "with_survivor" ? "Demo Primary School" : "";
      input.children_services_know = life.OneIn(2) ? "yes" : "no";
      if (input.children_services_know == "yes") input.local_authority = "Exampletown Council";
    } else {
      input.estimated_age = std::to_string(life.Between(20, 55));
    }
    dependants::Dependant d;
    d.id = NewId();
    d.case_id = life.record.id;
    d.organisation_id = life.record.organisation_id;
    d.details = Valid(dependants::ValidateDependant(input, life.today), "dependant");
    d.changed_at = life.At(life.opened);
    d.changed_by = life.worker;
    dependants::InsertDependant(life.tx, life.key, d);
  }
}

void AddExploitationHistory(const CaseLife& life, bool referred) {
  exploitation::History history;
  history.periods.push_back(MakePeriod(life, life.opened));
  if (life.OneIn(8)) {
    Date earlier = life.opened - days(6 * 365);
    history.periods.insert(history.periods.begin(), MakePeriod(life, earlier));
  }
  static constexpr std::array<std::string_view, 3> kWhen{"current", "last_12_months",
                                                         "one_to_five_years"};
  exploitation::HomelessnessInput homelessness;
  homelessness.been_victim = "yes";
  homelessness.when = std::string(Pick(life, kWhen));
  homelessness.support = {referred ? "nrm" : "charity"};
  history.homelessness =
      Valid(exploitation::ValidateHomelessness(homelessness), "homelessness answers");
  exploitation::SavedHistory saved{.case_id = life.record.id,
                                   .organisation_id = life.record.organisation_id,
                                   .version = 1,
                                   .history = std::move(history),
                                   .changed_at = life.At(life.opened),
                                   .changed_by = life.worker};
  if (!exploitation::SaveHistory(life.tx, life.key, saved, 0)) {
    throw std::logic_error("demo history: a new case already had one");
  }
}

}  // namespace waymark::app::demo
