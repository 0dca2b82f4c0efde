#include "app/demo_cases.hpp"

#include <array>
#include <chrono>
#include <random>
#include <set>

#include "app/demo_records.hpp"
#include "cases/store.hpp"
#include "identity/organisations.hpp"
#include "identity/users.hpp"
#include "platform/util/date.hpp"
#include "platform/util/ids.hpp"

namespace waymark::app {

namespace {

struct Nationality {
  std::string_view country;
  std::string_view language;
  double share;  // of 2024 NRM referrals
};

// Home Office, NRM statistics 2024: UK 23%, Albanian 13%, Vietnamese 11%, Eritrean 9%, Sudanese
// 6%; the remaining 38% spread over other frequent nationalities.
constexpr std::array<Nationality, 12> kNationalities{{
    {"GB", "eng", 23},
    {"AL", "sqi", 13},
    {"VN", "vie", 11},
    {"ER", "tir", 9},
    {"SD", "ara", 6},
    {"IN", "hin", 5},
    {"RO", "ron", 5},
    {"NG", "eng", 5},
    {"AF", "pus", 5},
    {"IR", "fas", 5},
    {"IQ", "ckb", 5},
    {"CN", "zho", 8},
}};

constexpr std::array<std::string_view, 16> kGivenNames{
    "Ardit", "Blerina", "Minh",  "Lan",   "Yonas", "Selam", "Amira", "Tariq",
    "Ioana", "Chidi",   "Farid", "Leyla", "Wei",   "Priya", "Dana",  "Sam"};
// Family names are made of two invented halves (256 of them), so a name search in a large
// demo data set finds tens of people, as a real caseload's would, not thousands.
constexpr std::array<std::string_view, 16> kFamilyStarts{
    "Quell", "Marrow", "Zenna",  "Oak",     "Pilc",  "Thistle", "Vantor", "Ash",
    "Fenn",  "Lark",   "Hollow", "Brindle", "Quarr", "Sorrel",  "Wex",    "Yarrow"};
constexpr std::array<std::string_view, 16> kFamilyEnds{
    "brook", "field", "dine", "velt", "crowe", "gate", "ley",  "combe",
    "wick",  "spur",  "mere", "cot",  "ton",   "by",   "moor", "dale"};
constexpr std::array<std::string_view, 5> kSafeMethods{"phone_call", "text_message", "email",
                                                       "in_person", "through_worker"};

template <class T, size_t N>
const T& Pick(const std::array<T, N>& items, std::mt19937_64& rng) {
  return items[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

const Nationality& PickNationality(std::mt19937_64& rng) {
  double total = 0;
  for (const auto& n : kNationalities) total += n.share;
  double at = std::uniform_real_distribution<double>(0, total)(rng);
  for (const auto& n : kNationalities) {
    if ((at -= n.share) < 0) return n;
  }
  return kNationalities.back();
}

struct Provider {
  std::string organisation_id;
  std::vector<std::string> workers;
  std::string manager;
  std::optional<crypto::DataKey> key;
};

cases::Case MakeCase(db::Tx& tx, const Provider& provider, std::mt19937_64& rng, Date today) {
  cases::Case c;
  c.id = NewId();
  c.organisation_id = provider.organisation_id;
  c.reference = cases::NewCaseReference(tx);
  const Nationality& nationality = PickNationality(rng);
  // About three in four adults referred in 2024 were men.
  bool man = std::uniform_real_distribution<double>(0, 1)(rng) < 0.76;
  c.clear.gender = man ? "Masculine" : "Feminine";
  c.clear.nationalities = {std::string(nationality.country)};
  c.clear.languages = {std::string(nationality.language)};
  if (nationality.language != "eng") {
    c.clear.languages.push_back("eng");
    c.clear.interpreter_needed = std::uniform_int_distribution<int>(0, 2)(rng) > 0;
    if (c.clear.interpreter_needed) c.clear.interpreter_gender = man ? "no_preference" : "female";
  }
  c.personal.given_names = std::string(Pick(kGivenNames, rng));
  c.personal.family_name = std::string(Pick(kFamilyStarts, rng));
  c.personal.family_name += Pick(kFamilyEnds, rng);
  if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
    c.personal.estimated_age = std::uniform_int_distribution<int>(19, 60)(rng);
  } else {
    c.personal.date_of_birth =
        today - std::chrono::days(std::uniform_int_distribution<int>(18 * 366, 65 * 365)(rng));
  }
  c.personal.phone = "07700 900" + std::to_string(100 + rng() % 900);
  c.personal.safe_contact_method = std::string(Pick(kSafeMethods, rng));
  c.personal.safe_contact_times = "Weekdays, 10am to 4pm";
  c.personal.address = std::to_string(1 + rng() % 200) + " Demo Street, Exampletown";
  c.clear.age_band = cases::AgeBand(c.personal, today);
  // The stage and the risk level are set from the NRM events and the risk assessment.
  return c;
}

// Time spent in each part of the generation, summed over the batches.
class PhaseClock {
 public:
  explicit PhaseClock(std::vector<DemoPhase>& phases) : phases_(phases) {}
  template <class Fn>
  auto Time(std::string_view name, Fn&& fn) {
    auto started = std::chrono::steady_clock::now();
    struct Add {
      PhaseClock* clock;
      std::string_view name;
      std::chrono::steady_clock::time_point started;
      ~Add() {
        std::chrono::duration<double> d = std::chrono::steady_clock::now() - started;
        clock->Find(name).seconds += d.count();
      }
    } add{this, name, started};
    return fn();
  }

 private:
  DemoPhase& Find(std::string_view name) {
    for (auto& p : phases_) {
      if (p.name == name) return p;
    }
    return phases_.emplace_back(DemoPhase{std::string(name), 0});
  }
  std::vector<DemoPhase>& phases_;
};

// One case and everything behind it, in the batch's transaction.
void AddCase(db::Tx& tx, const Provider& p, std::mt19937_64& rng, TimePoint now, Date today,
             DemoCaseReport& report, PhaseClock& clock) {
  cases::Case c = MakeCase(tx, p, rng, today);
  demo::NrmPlan nrm = demo::PlanPathway(rng, today);
  std::optional<Date> first = demo::FirstEventOn(nrm);
  // Opened a little before the first NRM event; one not referred within the last few months.
  Date opened =
      first ? *first - std::chrono::days(rng() % 15) : today - std::chrono::days(rng() % 120);
  std::string owner = p.workers.empty() ? p.manager : p.workers[rng() % p.workers.size()];
  demo::CaseLife life{tx, *p.key, c, owner, p.manager, opened, today, now, rng};
  clock.Time("cases", [&] {
    TimePoint at = life.At(opened);
    cases::InsertCase(tx, *p.key, c, owner, at);
    if (!p.workers.empty()) cases::AssignWorker(tx, c.id, c.organisation_id, owner, p.manager, at);
  });
  clock.Time("consents", [&] { demo::AddConsents(life, nrm); });
  clock.Time("nrm", [&] { demo::AddNrmEvents(life, nrm); });
  clock.Time("assessments", [&] { demo::AddAssessments(life); });
  // About half the people supported have an agreed plan; the rest are drafting or too new.
  if (rng() % 2 == 0) clock.Time("plans", [&] { demo::AddAgreedPlan(life); });
  int contacts = 15 + static_cast<int>(rng() % 11);  // about 20
  report.contacts += clock.Time("contacts", [&] { return demo::AddContacts(life, contacts); });
  if (rng() % 4 == 0) clock.Time("dependants", [&] { demo::AddDependants(life); });
  clock.Time("history", [&] { demo::AddExploitationHistory(life, nrm.referred.has_value()); });
}

// Adds synthetic providers ("Safehouse 7 (demo)", each with a service manager who has no
// password) until `count` new cases give each provider at most about shape.provider_cases.
// Providers made by an earlier run are in `providers` already and count.
void AddProviders(Runtime& runtime, std::vector<Provider>& providers, int64_t count,
                  const DemoShape& shape) {
  auto too_few = [&] {
    return count > shape.provider_cases * static_cast<int64_t>(providers.size());
  };
  if (!too_few()) return;
  TimePoint now = runtime.clock->Now();
  runtime.db->Write([&](db::Tx& tx) {
    std::set<std::string> names;
    for (const auto& org : identity::ListOrganisations(tx)) names.insert(org.name);
    int64_t added = 0;
    for (int n = 1; too_few(); ++n) {
      std::string name = "Safehouse " + std::to_string(n) + " (demo)";
      if (names.count(name)) continue;  // made by an earlier run
      auto org = identity::InsertOrganisation(tx, runtime.keyring, name,
                                              identity::OrgKind::kProvider, false, now);
      if (!org) throw std::runtime_error("demo provider: " + org.error().message);
      auto manager = identity::InsertUser(
          tx,
          identity::ValidUser{org->id, "manager@safehouse-" + std::to_string(n) + ".demo",
                              "Manager, Safehouse " + std::to_string(n) + " (demo)",
                              identity::Role::kServiceManager},
          now);
      if (!manager) throw std::runtime_error("demo manager: " + manager.error().message);
      auto key = identity::LoadDataKey(tx, runtime.keyring, org->id);
      if (!key) throw std::runtime_error("data key: " + key.error().message);
      Provider p{org->id, {}, manager->id, std::nullopt};
      p.key.emplace(std::move(*key));
      providers.push_back(std::move(p));
      ++added;
    }
    audit::Event event;
    event.action = "demo.providers";
    event.actor_id = "system";
    event.details = {{"organisations", std::to_string(added)}};
    runtime.audit->Append(tx, event);
  });
}

std::string EmailDomain(std::string_view email) {
  size_t at = email.find('@');
  return at == std::string_view::npos ? std::string("demo.invalid")
                                      : std::string(email.substr(at + 1));
}

// Adds synthetic support workers ("Caseworker 12 (demo)") to each provider until its share of
// `count` new cases gives each worker about shape.caseload. They have no password and cannot sign
// in.
void AddCaseworkers(Runtime& runtime, std::vector<Provider>& providers, int64_t count,
                    const DemoShape& shape) {
  TimePoint now = runtime.clock->Now();
  runtime.db->Write([&](db::Tx& tx) {
    int64_t added = 0;
    for (auto& p : providers) {
      int64_t share = count / static_cast<int64_t>(providers.size());
      int64_t needed =
          (share + shape.caseload - 1) / shape.caseload - static_cast<int64_t>(p.workers.size());
      if (needed <= 0 || p.manager.empty()) continue;
      auto manager = identity::FindUser(tx, p.manager);
      std::string domain = EmailDomain(manager ? manager->email : "");
      for (int64_t n = 1; needed > 0; ++n) {
        std::string email = "caseworker-" + std::to_string(n) + "@" + domain;
        if (identity::FindUserByEmail(tx, email)) continue;  // one of p.workers already
        auto user =
            identity::InsertUser(tx,
                                 identity::ValidUser{p.organisation_id, email,
                                                     "Caseworker " + std::to_string(n) + " (demo)",
                                                     identity::Role::kSupportWorker},
                                 now);
        if (!user) throw std::runtime_error("demo caseworker: " + user.error().message);
        p.workers.push_back(user->id);
        --needed;
        ++added;
      }
    }
    if (added == 0) return;
    audit::Event event;
    event.action = "demo.caseworkers";
    event.actor_id = "system";
    event.details = {{"users", std::to_string(added)}};
    runtime.audit->Append(tx, event);
  });
}

}  // namespace

Result<DemoCaseReport> GenerateDemoCases(Runtime& runtime, int64_t count, uint64_t seed,
                                         const DemoShape& shape) {
  if (count < 0 || count > 10'000'000) {
    return Fail(Problem::Invalid("cases", "--cases must be from 0 to 10,000,000"));
  }
  if (shape.provider_cases < 1 || shape.caseload < 1) {
    return Fail(
        Problem::Invalid("shape", "A provider and a worker must each hold at least one case"));
  }
  DemoCaseReport report;
  PhaseClock clock(report.phases);
  auto started = std::chrono::steady_clock::now();
  std::vector<Provider> providers = clock.Time("keys", [&] {
    return runtime.db->Read([&](db::Tx& tx) {
      std::vector<Provider> out;
      for (const auto& org : identity::ListOrganisations(tx)) {
        if (org.kind != identity::OrgKind::kProvider || !org.active) continue;
        Provider p{org.id, {}, {}, std::nullopt};
        for (const auto& user : identity::ListUsers(tx, org.id)) {
          if (!user.active) continue;
          if (user.role == identity::Role::kSupportWorker) p.workers.push_back(user.id);
          if (user.role == identity::Role::kServiceManager) p.manager = user.id;
        }
        // Once per provider: unwrapping the key is the expensive part of a case read.
        auto key = identity::LoadDataKey(tx, runtime.keyring, org.id);
        if (!key) throw std::runtime_error("data key: " + key.error().message);
        p.key.emplace(std::move(*key));
        if (!p.workers.empty() || !p.manager.empty()) out.push_back(std::move(p));
      }
      return out;
    });
  });
  if (providers.empty()) {
    return Fail(Problem::Invalid("cases",
                                 "There are no providers with staff: load the demo "
                                 "data first (waymark serve --demo)"));
  }
  clock.Time("staff", [&] {
    AddProviders(runtime, providers, count, shape);
    AddCaseworkers(runtime, providers, count, shape);
  });
  std::mt19937_64 rng(seed);
  TimePoint now = runtime.clock->Now();
  Date today = LondonDate(now);
  constexpr int64_t kBatch = 200;
  for (int64_t done = 0; done < count;) {
    int64_t batch = std::min(kBatch, count - done);
    runtime.db->Write([&](db::Tx& tx) {
      for (int64_t i = 0; i < batch; ++i) {
        const Provider& p = providers[rng() % providers.size()];
        AddCase(tx, p, rng, now, today, report, clock);
      }
      audit::Event event;
      event.action = "demo.cases";
      event.actor_id = "system";
      event.details = {{"cases", std::to_string(batch)}};
      runtime.audit->Append(tx, event);
    });
    done += batch;
  }
  clock.Time("statistics", [&] { runtime.db->RefreshStatistics(); });
  report.cases = count;
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  report.seconds = elapsed.count();
  return report;
}

}  // namespace waymark::app
