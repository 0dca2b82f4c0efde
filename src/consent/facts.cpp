#include "consent/facts.hpp"

#include <chrono>

#include "consent/model.hpp"
#include "consent/store.hpp"

namespace waymark::consent {

namespace {

std::vector<Consent> Decisions(const std::vector<StoredConsent>& stored) {
  std::vector<Consent> out;
  out.reserve(stored.size());
  for (const auto& s : stored) out.push_back(s.consent);
  return out;
}

// Whether some consent for the same thing as `consent` is in force on `on`.
bool Covered(const std::vector<Consent>& all, const Consent& consent, Date on) {
  if (consent.purpose == Purpose::kContact) {
    return consent.method && FindContactConsent(all, *consent.method, on).has_value();
  }
  return FindConsentFor(all, consent.purpose, consent.recipient, on).has_value();
}

}  // namespace

ConsentFacts ConsentFactsFor(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                             Date today) {
  std::vector<Consent> all = Decisions(LoadConsents(tx, key, case_id));
  ConsentFacts facts;
  facts.nrm_referral = PermitsNrmReferral(all, today);
  facts.identifying_details = facts.nrm_referral;
  return facts;
}

std::vector<ExpiringConsent> ConsentsExpiring(db::Tx& tx, const crypto::DataKey& key,
                                              std::string_view case_id, Date from, Date to) {
  std::vector<StoredConsent> stored = LoadConsents(tx, key, case_id);
  std::vector<Consent> all = Decisions(stored);
  std::vector<ExpiringConsent> out;
  for (const auto& s : stored) {
    const Consent& c = s.consent;
    if (!c.expires_on || *c.expires_on < from || *c.expires_on > to) continue;
    if (!InForceOn(c, from) || LaterRefusal(all, c, from)) continue;
    if (Covered(all, c, *c.expires_on + std::chrono::days(1))) continue;
    out.push_back({s.id, s.case_id, c.purpose, *c.expires_on});
  }
  return out;
}

}  // namespace waymark::consent
