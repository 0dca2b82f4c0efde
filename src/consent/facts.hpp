// What other features need to know about a case's consent, read inside their own transaction:
// the NRM service asks whether a referral may be made (and with identifying details), and the
// tasks feature asks which permissions lapse soon. These functions neither authorise nor audit:
// the caller has already asked the policy about the case (cases::CaseWork) and audits its own
// use case. Thread safety: they run on the caller's transaction and thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "consent/codes.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"
#include "platform/util/date.hpp"

namespace waymark::consent {

struct ConsentFacts {
  // Consent to an NRM referral is in force on the day (PermitsNrmReferral): without it an adult
  // can only be the subject of an anonymous Duty to Notify.
  bool nrm_referral = false;
  // The adult agreed that a Duty to Notify may carry their identifying details. The consent
  // model has no purpose of its own for this: consent to an NRM referral covers it, because the
  // referral itself discloses who the person is.
  bool identifying_details = false;
};

// `key` is the case's organisation's data key (consent records of sharing are compared by the
// organisation's name, which is encrypted).
ConsentFacts ConsentFactsFor(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                             Date today);

// A permission that lapses: consent in force on `from` whose expiry date falls in [from, to] and
// that no other consent for the same thing (purpose, organisation or method) continues after it.
// Ids, the purpose code and the date only: nothing a person typed.
struct ExpiringConsent {
  std::string consent_id;
  std::string case_id;
  Purpose purpose = Purpose::kSupport;
  Date expires_on{};
};
std::vector<ExpiringConsent> ConsentsExpiring(db::Tx& tx, const crypto::DataKey& key,
                                              std::string_view case_id, Date from, Date to);

}  // namespace waymark::consent
