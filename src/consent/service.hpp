// Consent and disclosure use cases inside a case: list a case's consent records with their
// status today, record a consent (given or refused), record its withdrawal, list disclosures and
// record one with its legal basis.
//
// Each call is one transaction through cases::RunCaseWork: the case is found and the policy
// asked about this actor and this record (reads need case.view, so break-glass readers may read;
// changes need case.edit and an open case), the input is validated by the pure rules
// (model.hpp, disclosure.hpp), the record is written and the audit event appended. Another
// provider's case answers "not found". Audit details hold ids and codes only. Inputs and outputs
// are typed structs, so pages and a JSON API call the same functions.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/work.hpp"
#include "consent/disclosure.hpp"
#include "consent/model.hpp"
#include "identity/deps.hpp"
#include "identity/policy.hpp"
#include "identity/sign_in.hpp"

namespace waymark::consent {

inline constexpr std::string_view kNoSuchConsent = "There is no such consent record in this case";
inline constexpr std::string_view kStaleConsent =
    "Someone else changed this consent record while you were working on it. Nothing has been "
    "saved: check the record as it is now, then try again";

// The case a page is about, and what the actor may do there.
struct CaseFrame {
  std::string case_id;
  std::string reference;
  bool closed = false;
  // May record and withdraw: edit rights (break-glass gives none) on an open case.
  bool can_change = false;
  Date today{};  // London date of the request
};

struct ConsentRecord {
  std::string id;
  int64_t version = 1;
  Consent consent;
  ConsentStatus status = ConsentStatus::kGiven;  // StatusOn(consent, today)
  // Given and within its dates, but a later refusal for the same thing applies today.
  bool superseded = false;
  TimePoint recorded_at{};
  std::string recorded_by;  // the person's display name
  std::optional<TimePoint> withdrawn_at;
  std::string withdrawn_by;  // display name; "" until withdrawn
};

struct ConsentList {
  CaseFrame frame;
  std::vector<ConsentRecord> consents;  // oldest decision first
  std::vector<std::string> languages;   // the person's languages (ISO 639-3), for the form
};

struct DisclosureRecord {
  std::string id;
  Disclosure disclosure;
  TimePoint recorded_at{};
  std::string recorded_by;  // display name
};

struct DisclosureList {
  CaseFrame frame;
  std::vector<DisclosureRecord> disclosures;  // most recent first
  std::vector<ConsentRecord> consents;        // every consent record, to name the one relied on
};

class ConsentService {
 public:
  explicit ConsentService(identity::Deps deps) : deps_(deps) {}

  // Audited as consent.view.
  Result<ConsentList> Consents(const identity::Actor& actor, std::string_view case_id,
                               const identity::Origin& origin);
  // ValidateConsent, and the language must be a known ISO 639-3 code. Audited as consent.record.
  Result<ConsentRecord> RecordConsent(const identity::Actor& actor, std::string_view case_id,
                                      const ConsentInput& input, const identity::Origin& origin);
  // Records the withdrawal on the record (never deleting or overwriting it); a stale
  // `expected_version` is a Conflict. Audited as consent.withdraw.
  Result<ConsentRecord> Withdraw(const identity::Actor& actor, std::string_view case_id,
                                 std::string_view consent_id, const WithdrawalInput& input,
                                 int64_t expected_version, const identity::Origin& origin);

  // Audited as disclosure.view.
  Result<DisclosureList> Disclosures(const identity::Actor& actor, std::string_view case_id,
                                     const identity::Origin& origin);
  // ValidateDisclosure against this case's consent records: a consent basis must name one that
  // allowed sharing with that organisation on the day it was shared. Audited as
  // disclosure.record.
  Result<DisclosureRecord> RecordDisclosure(const identity::Actor& actor, std::string_view case_id,
                                            const DisclosureInput& input,
                                            const identity::Origin& origin);

 private:
  identity::Deps deps_;
};

}  // namespace waymark::consent
