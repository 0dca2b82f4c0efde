// Consent records and the rules that read them, as pure functions (no database, no clock: the
// caller passes "today"). An adult's NRM referral, support, sharing with a named organisation
// and contact by each method each need the person's own recorded consent; a refusal is recorded
// too, because it changes what others may do (without consent to an NRM referral only an
// anonymous Duty to Notify may be sent). Everything here is a value type or a pure function:
// safe to use from any thread.
//
// Dates: a consent is in force from the day it was given up to and including its expiry date.
// A withdrawal takes effect on its own date: consent withdrawn on 3 March is not in force on
// 3 March. A refusal for the same thing recorded on or after the day a consent was given
// supersedes that consent from the refusal's date (same day: the refusal wins, since the order
// within a day is not recorded and refusing is the safe reading).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "consent/codes.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::consent {

struct Withdrawal {
  Date on{};
  std::string note;  // optional, trimmed, at most kMaxTextCharacters

  friend bool operator==(const Withdrawal&, const Withdrawal&) = default;
};

// One consent decision, as stored. Build it with ValidateConsent; change it only with Withdraw.
struct Consent {
  Purpose purpose = Purpose::kSupport;
  std::string recipient;                // kSharing only: the organisation, trimmed, as typed
  std::optional<ContactMethod> method;  // kContact only
  Decision decision = Decision::kGiven;
  std::string language;  // ISO 639-3 code the person was informed in ("eng", "sqi", "vie")
  bool interpreter_used = false;
  InformationFormat format = InformationFormat::kVerbal;
  Date decided_on{};               // the day consent was given or refused
  std::optional<Date> expires_on;  // last day in force; only for consent given
  std::string notes;               // optional, trimmed
  std::optional<Withdrawal> withdrawal;

  friend bool operator==(const Consent&, const Consent&) = default;
};

// The consent form's fields exactly as typed. Codes are those of codes.hpp; dates are
// "YYYY-MM-DD"; interpreter is "yes" or "no". Surrounding white space is ignored.
struct ConsentInput {
  std::string purpose;
  std::string recipient;       // only when purpose is "sharing"
  std::string contact_method;  // only when purpose is "contact"
  std::string decision;
  std::string language;
  std::string interpreter;
  std::string format;
  std::string decided_on;
  std::string expires_on;  // optional; only when consent was given
  std::string notes;       // optional
};

// Form field names, as used in FieldError::field (and so in the form's name attributes).
namespace field {
inline constexpr std::string_view kPurpose = "purpose";
inline constexpr std::string_view kRecipient = "recipient";
inline constexpr std::string_view kContactMethod = "contact_method";
inline constexpr std::string_view kDecision = "decision";
inline constexpr std::string_view kLanguage = "language";
inline constexpr std::string_view kInterpreter = "interpreter";
inline constexpr std::string_view kFormat = "format";
inline constexpr std::string_view kDecidedOn = "decided_on";
inline constexpr std::string_view kExpiresOn = "expires_on";
inline constexpr std::string_view kNotes = "notes";
inline constexpr std::string_view kWithdrawnOn = "withdrawn_on";
inline constexpr std::string_view kWithdrawalNote = "note";
}  // namespace field

// The typed consent, or Problem::Invalid listing every problem at once (one per field, in form
// order). A field that belongs to another choice is refused rather than dropped, so nothing the
// person typed is silently lost: a recipient only for sharing, a contact method only for
// contact, an expiry date only for consent given.
Result<Consent> ValidateConsent(const ConsentInput& input, Date today);

// Three lower-case ASCII letters: the shape of an ISO 639-3 code. Whether the code exists is
// the vocabulary's question, not this one's.
bool IsLanguageCode(std::string_view code);

// Refused (for a refusal, whatever the day), else not yet given (before decided_on), else
// withdrawn (on or after the withdrawal date), else expired (after expires_on), else given.
ConsentStatus StatusOn(const Consent& consent, Date on);
inline bool InForceOn(const Consent& consent, Date on) {
  return StatusOn(consent, on) == ConsentStatus::kGiven;
}

// The consent withdrawn on `on`. Problem::Conflict for a refusal (there is nothing to withdraw)
// and for consent already withdrawn; Problem::Invalid on field::kWithdrawnOn when `on` is after
// `today`, before the consent was given or after it expired, and on field::kWithdrawalNote when
// the note is too long.
Result<Consent> Withdraw(const Consent& consent, Date on, std::string note, Date today);

// The withdrawal form as typed: the date ("YYYY-MM-DD") and an optional note.
struct WithdrawalInput {
  std::string withdrawn_on;
  std::string note;
};
// Parses the form (every field problem at once) and then applies Withdraw.
Result<Consent> ValidateWithdrawal(const Consent& consent, const WithdrawalInput& input,
                                   Date today);

// The consent record (an index into `consents`) that allows `purpose` on `on`: given, in force
// and not superseded by a later refusal for the same thing. When several do, the most recently
// given. `recipient` is compared only for Purpose::kSharing, with SameOrganisation (text.hpp).
// Contact consent is per method: use FindContactConsent; kContact here is a programming error
// and throws std::invalid_argument.
std::optional<size_t> FindConsentFor(std::span<const Consent> consents, Purpose purpose,
                                     std::string_view recipient, Date on);
std::optional<size_t> FindContactConsent(std::span<const Consent> consents, ContactMethod method,
                                         Date on);

// An adult may be referred to the NRM only with their consent; without it, only an anonymous
// Duty to Notify.
bool PermitsNrmReferral(std::span<const Consent> consents, Date on);
bool PermitsSharing(std::span<const Consent> consents, std::string_view recipient, Date on);
bool PermitsContact(std::span<const Consent> consents, ContactMethod method, Date on);

// A refusal in `consents` for the same purpose (and recipient or method) as `consent`, decided
// on or after the day `consent` was decided and no later than `on`: the person has since said
// no. The latest such refusal, as an index into `consents`.
std::optional<size_t> LaterRefusal(std::span<const Consent> consents, const Consent& consent,
                                   Date on);

}  // namespace waymark::consent
