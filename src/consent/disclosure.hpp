// Disclosures: every time case information leaves the case team, the record of who received
// what, when, and on which legal basis (SFJBMS05 point 18; domain.md section 6). The basis is
// either the person's consent to sharing with that same organisation, in force on the day, or
// a statutory basis (safeguarding, prevention or detection of crime, a court order) with a
// written reason. Pure functions on value types; safe to use from any thread.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "consent/codes.hpp"
#include "consent/model.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::consent {

// A statutory basis needs an explanation someone reviewing the share can judge.
inline constexpr size_t kMinReasonCharacters = 20;

// A stored consent record and its id, as the disclosure form offers them.
struct IdentifiedConsent {
  std::string id;
  Consent consent;
};

struct Disclosure {
  std::string recipient;  // the organisation, trimmed, as typed
  std::string shared;     // what was shared, trimmed
  Date disclosed_on{};
  DisclosureBasis basis = DisclosureBasis::kConsent;
  std::string consent_id;  // DisclosureBasis::kConsent only: the consent record relied on
  std::string reason;      // statutory bases only: why it was shared without consent

  friend bool operator==(const Disclosure&, const Disclosure&) = default;
};

// The disclosure form's fields exactly as typed; basis is a DisclosureBasis code, the date
// "YYYY-MM-DD". Surrounding white space is ignored.
struct DisclosureInput {
  std::string recipient;
  std::string shared;
  std::string disclosed_on;
  std::string basis;
  std::string consent_id;  // only for the consent basis
  std::string reason;      // only for a statutory basis
};

namespace field {
// The recipient is field::kRecipient ("recipient"), as on the consent form.
inline constexpr std::string_view kShared = "shared";
inline constexpr std::string_view kDisclosedOn = "disclosed_on";
inline constexpr std::string_view kBasis = "basis";
inline constexpr std::string_view kConsentId = "consent_id";
inline constexpr std::string_view kReason = "reason";
}  // namespace field

// The typed disclosure, or Problem::Invalid listing every problem at once. `consents` are the
// person's consent records. On the consent basis, consent_id must name one of them that is
// consent given to sharing with the same organisation (SameOrganisation in text.hpp), in force
// on the disclosure date and not superseded by a later refusal; the message on
// field::kConsentId says which of those failed. On a statutory basis the reason must be at
// least kMinReasonCharacters. A consent record with a statutory basis, or a reason with the
// consent basis, is refused rather than dropped.
Result<Disclosure> ValidateDisclosure(const DisclosureInput& input,
                                      std::span<const IdentifiedConsent> consents, Date today);

}  // namespace waymark::consent
