#include "app/demo_cases.hpp"

#include <array>
#include <chrono>
#include <random>

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
constexpr std::array<std::string_view, 16> kFamilyNames{
    "Quellbrook",  "Marrowfield",   "Zennadine", "Oakvelt",   "Pilcrowe",   "Thistlegate",
    "Vantorley",   "Ashcombe-Demo", "Fennick",   "Larkspur",  "Hollowmere", "Brindlecot",
    "Quarrington", "Sorrelby",      "Wexmoor",   "Yarrowdale"};
constexpr std::array<std::string_view, 5> kSafeMethods{"phone_call", "text_message", "email",
                                                       "in_person", "through_worker"};
// Demo cases carry an NRM stage for the list filters only; their pathway events come with the
// NRM pages. Codes as nrm::Code(PathwayState).
constexpr std::array<std::string_view, 5> kStages{"not_referred", "rg_pending", "cg_pending",
                                                  "cg_positive", "move_on"};
constexpr std::array<std::string_view, 3> kRisks{"low", "medium", "high"};

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

cases::Case MakeCase(const Provider& provider, std::mt19937_64& rng, Date today) {
  cases::Case c;
  c.id = NewId();
  c.organisation_id = provider.organisation_id;
  c.reference = NewShortReference();
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
  c.personal.family_name = std::string(Pick(kFamilyNames, rng));
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
  c.nrm_stage = std::string(Pick(kStages, rng));
  c.risk_level = std::string(Pick(kRisks, rng));
  return c;
}

}  // namespace

Result<DemoCaseReport> GenerateDemoCases(Runtime& runtime, int64_t count, uint64_t seed) {
  if (count < 0 || count > 10'000'000) {
    return Fail(Problem::Invalid("cases", "--cases must be from 0 to 10,000,000"));
  }
  auto started = std::chrono::steady_clock::now();
  std::vector<Provider> providers = runtime.db->Read([&](db::Tx& tx) {
    std::vector<Provider> out;
    for (const auto& org : identity::ListOrganisations(tx)) {
      if (org.kind != identity::OrgKind::kProvider || !org.active) continue;
      Provider p{org.id, {}, {}, std::nullopt};
      for (const auto& user : identity::ListUsers(tx, org.id)) {
        if (!user.active) continue;
        if (user.role == identity::Role::kSupportWorker) p.workers.push_back(user.id);
        if (user.role == identity::Role::kServiceManager) p.manager = user.id;
      }
      auto key = identity::LoadDataKey(tx, runtime.keyring, org.id);
      if (!key) throw std::runtime_error("data key: " + key.error().message);
      p.key.emplace(std::move(*key));
      if (!p.workers.empty() || !p.manager.empty()) out.push_back(std::move(p));
    }
    return out;
  });
  if (providers.empty()) {
    return Fail(Problem::Invalid("cases",
                                 "There are no providers with staff: load the demo "
                                 "data first (waymark serve --demo)"));
  }
  std::mt19937_64 rng(seed);
  TimePoint now = runtime.clock->Now();
  Date today = LondonDate(now);
  constexpr int64_t kBatch = 500;
  for (int64_t done = 0; done < count;) {
    int64_t batch = std::min(kBatch, count - done);
    runtime.db->Write([&](db::Tx& tx) {
      for (int64_t i = 0; i < batch; ++i) {
        const Provider& p = providers[rng() % providers.size()];
        cases::Case c = MakeCase(p, rng, today);
        std::string owner = p.workers.empty() ? p.manager : p.workers[rng() % p.workers.size()];
        cases::InsertCase(tx, *p.key, c, owner, now);
        if (!p.workers.empty()) {
          cases::AssignWorker(tx, c.id, c.organisation_id, owner, p.manager, now);
        }
      }
      audit::Event event;
      event.action = "demo.cases";
      event.actor_id = "system";
      event.details = {{"cases", std::to_string(batch)}};
      runtime.audit->Append(tx, event);
    });
    done += batch;
  }
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  return DemoCaseReport{count, elapsed.count()};
}

}  // namespace waymark::app
