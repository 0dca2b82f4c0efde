#include "consent/section.hpp"

#include <optional>
#include <string>
#include <vector>

#include "consent/model.hpp"
#include "consent/store.hpp"

namespace waymark::consent {

namespace {

// The person's latest decision about `purpose`: the most recent date, a refusal winning a tie
// (as in the pure rules: refusing is the safe reading).
const Consent* LatestAbout(const std::vector<Consent>& all, Purpose purpose) {
  const Consent* latest = nullptr;
  for (const auto& c : all) {
    if (c.purpose != purpose) continue;
    if (!latest || c.decided_on > latest->decided_on ||
        (c.decided_on == latest->decided_on && c.decision == Decision::kRefused)) {
      latest = &c;
    }
  }
  return latest;
}

std::string SupportHint(const std::vector<Consent>& all, Date today) {
  if (auto in_force = FindConsentFor(all, Purpose::kSupport, {}, today)) {
    const Consent& c = all[*in_force];
    return c.expires_on ? "Consent for support expires " + FormatDateForPeople(*c.expires_on)
                        : std::string();
  }
  const Consent* latest = LatestAbout(all, Purpose::kSupport);
  if (!latest) return {};
  switch (StatusOn(*latest, today)) {
    case ConsentStatus::kRefused:
      return "Consent for support refused";
    case ConsentStatus::kWithdrawn:
      return "Consent for support withdrawn on " + FormatDateForPeople(latest->withdrawal->on);
    case ConsentStatus::kExpired:
      return "Consent for support expired on " + FormatDateForPeople(*latest->expires_on);
    default:
      return {};
  }
}

std::string NrmHint(const std::vector<Consent>& all, Date today) {
  if (PermitsNrmReferral(all, today)) return "NRM referral: consent given";
  const Consent* latest = LatestAbout(all, Purpose::kNrmReferral);
  if (!latest) return {};
  switch (StatusOn(*latest, today)) {
    case ConsentStatus::kRefused:
      return "NRM referral: consent refused";
    case ConsentStatus::kWithdrawn:
      return "NRM referral: consent withdrawn";
    case ConsentStatus::kExpired:
      return "NRM referral: consent expired";
    case ConsentStatus::kGiven:  // in force, so PermitsNrmReferral answered above
    case ConsentStatus::kNotYetGiven:
      break;
  }
  return {};
}

cases::CaseSection Summarise(const cases::Case& record, std::vector<StoredConsent> consents,
                             Date today) {
  std::vector<Consent> all;
  for (auto& stored : consents) all.push_back(std::move(stored.consent));
  cases::CaseSection section{"Consent", "/cases/" + record.id + "/consent", "Not started"};
  if (all.empty()) return section;
  const bool support = FindConsentFor(all, Purpose::kSupport, {}, today).has_value();
  section.status = support ? "Completed" : "In progress";
  section.done = support;
  std::string hint = SupportHint(all, today);
  if (std::string nrm = NrmHint(all, today); !nrm.empty()) {
    hint += hint.empty() ? nrm : ". " + nrm;
  }
  section.hint = hint;
  return section;
}

}  // namespace

cases::SectionSummary ConsentSection(cases::CaseWork& work, const crypto::DataKey& key,
                                     const cases::Case& record, const cases::CaseAccess&) {
  auto consents = LoadConsentsLater(work.tx, key, record.id);
  return [consents, &record, today = work.today]() mutable {
    return Summarise(record, consents.Get(), today);
  };
}

}  // namespace waymark::consent
