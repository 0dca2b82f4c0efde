#include "consent/model.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

#include "consent/text.hpp"

namespace waymark::consent {

namespace {

// Whether `consent` is about the same thing: the same purpose and, for sharing, the same
// organisation, for contact, the same method.
bool SameSubject(const Consent& consent, Purpose purpose, std::string_view recipient_key,
                 std::optional<ContactMethod> method) {
  if (consent.purpose != purpose) return false;
  if (purpose == Purpose::kSharing) return OrganisationKey(consent.recipient) == recipient_key;
  if (purpose == Purpose::kContact) return consent.method == method;
  return true;
}

std::optional<size_t> LatestRefusal(std::span<const Consent> consents, Purpose purpose,
                                    std::string_view recipient_key,
                                    std::optional<ContactMethod> method, Date from, Date to) {
  std::optional<size_t> latest;
  for (size_t i = 0; i < consents.size(); ++i) {
    const Consent& c = consents[i];
    if (c.decision != Decision::kRefused || !SameSubject(c, purpose, recipient_key, method)) {
      continue;
    }
    if (c.decided_on < from || c.decided_on > to) continue;
    if (!latest || c.decided_on >= consents[*latest].decided_on) latest = i;
  }
  return latest;
}

std::optional<size_t> FindInForce(std::span<const Consent> consents, Purpose purpose,
                                  std::string_view recipient, std::optional<ContactMethod> method,
                                  Date on) {
  const std::string recipient_key = OrganisationKey(recipient);
  std::optional<size_t> best;
  for (size_t i = 0; i < consents.size(); ++i) {
    const Consent& c = consents[i];
    if (!SameSubject(c, purpose, recipient_key, method) || !InForceOn(c, on)) continue;
    if (LatestRefusal(consents, purpose, recipient_key, method, c.decided_on, on)) continue;
    if (!best || c.decided_on > consents[*best].decided_on) best = i;
  }
  return best;
}

// A refusal has nothing to withdraw, and a withdrawal is recorded once.
std::optional<Problem> CannotWithdraw(const Consent& consent) {
  if (consent.decision == Decision::kRefused) {
    return Problem::Conflict(
        "Consent was refused, so there is nothing to withdraw. Record a new consent if the "
        "person now agrees");
  }
  if (consent.withdrawal) {
    return Problem::Conflict("This consent was already withdrawn on " +
                             FormatDateForPeople(consent.withdrawal->on));
  }
  return std::nullopt;
}

std::optional<FieldError> NoteError(std::string_view trimmed_note) {
  if (CountCharacters(trimmed_note) <= kMaxTextCharacters) return std::nullopt;
  return FieldError{
      std::string(field::kWithdrawalNote),
      "The note must be " + WithThousands(kMaxTextCharacters) + " characters or fewer"};
}

}  // namespace

ConsentStatus StatusOn(const Consent& consent, Date on) {
  if (consent.decision == Decision::kRefused) return ConsentStatus::kRefused;
  if (on < consent.decided_on) return ConsentStatus::kNotYetGiven;
  if (consent.withdrawal && on >= consent.withdrawal->on) return ConsentStatus::kWithdrawn;
  if (consent.expires_on && on > *consent.expires_on) return ConsentStatus::kExpired;
  return ConsentStatus::kGiven;
}

Result<Consent> Withdraw(const Consent& consent, Date on, std::string note, Date today) {
  if (auto conflict = CannotWithdraw(consent)) return Fail(std::move(*conflict));
  std::vector<FieldError> errors;
  const std::string date_field(field::kWithdrawnOn);
  if (on > today) {
    errors.push_back({date_field, "The date consent was withdrawn cannot be in the future"});
  } else if (on < consent.decided_on) {
    errors.push_back(
        {date_field, "The date consent was withdrawn cannot be before the date it was given, " +
                         FormatDateForPeople(consent.decided_on)});
  } else if (consent.expires_on && on > *consent.expires_on) {
    errors.push_back(
        {date_field, "The date consent was withdrawn must be on or before the date it expired, " +
                         FormatDateForPeople(*consent.expires_on)});
  }
  note = Trim(note);
  if (auto error = NoteError(note)) errors.push_back(std::move(*error));
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));

  Consent withdrawn = consent;
  withdrawn.withdrawal = Withdrawal{on, std::move(note)};
  return withdrawn;
}

Result<Consent> ValidateWithdrawal(const Consent& consent, const WithdrawalInput& input,
                                   Date today) {
  if (auto conflict = CannotWithdraw(consent)) return Fail(std::move(*conflict));
  const std::string date_text = Trim(input.withdrawn_on);
  if (auto on = ParseIsoDate(date_text)) return Withdraw(consent, *on, input.note, today);

  // Report the date together with any note problem, so the person fixes both at once.
  std::vector<FieldError> errors;
  errors.push_back({std::string(field::kWithdrawnOn),
                    date_text.empty() ? "Enter the date consent was withdrawn"
                                      : "The date consent was withdrawn must be a real date"});
  if (auto error = NoteError(Trim(input.note))) errors.push_back(std::move(*error));
  return Fail(Problem::Invalid(std::move(errors)));
}

std::optional<size_t> FindConsentFor(std::span<const Consent> consents, Purpose purpose,
                                     std::string_view recipient, Date on) {
  if (purpose == Purpose::kContact) {
    throw std::invalid_argument(
        "FindConsentFor: contact consent is per method; "
        "use FindContactConsent");
  }
  return FindInForce(consents, purpose, recipient, std::nullopt, on);
}

std::optional<size_t> FindContactConsent(std::span<const Consent> consents, ContactMethod method,
                                         Date on) {
  return FindInForce(consents, Purpose::kContact, {}, method, on);
}

bool PermitsNrmReferral(std::span<const Consent> consents, Date on) {
  return FindConsentFor(consents, Purpose::kNrmReferral, {}, on).has_value();
}

bool PermitsSharing(std::span<const Consent> consents, std::string_view recipient, Date on) {
  return FindConsentFor(consents, Purpose::kSharing, recipient, on).has_value();
}

bool PermitsContact(std::span<const Consent> consents, ContactMethod method, Date on) {
  return FindContactConsent(consents, method, on).has_value();
}

std::optional<size_t> LaterRefusal(std::span<const Consent> consents, const Consent& consent,
                                   Date on) {
  return LatestRefusal(consents, consent.purpose, OrganisationKey(consent.recipient),
                       consent.method, consent.decided_on, on);
}

}  // namespace waymark::consent
