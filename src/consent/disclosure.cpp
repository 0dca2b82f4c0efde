#include "consent/disclosure.hpp"

#include <optional>
#include <vector>

#include "consent/text.hpp"

namespace waymark::consent {

namespace {

std::string LowerFirst(std::string_view label) {
  std::string out(label);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] + 32);
  return out;
}

std::string WhatItIsFor(const Consent& consent) {
  if (consent.purpose == Purpose::kContact && consent.method) {
    return "contact by " + LowerFirst(Label(*consent.method));
  }
  return LowerFirst(Label(consent.purpose));
}

// Why `chosen` does not allow sharing with `recipient` on `on`, or nullopt when it does.
// `recipient` and `on` are left out of the checks when the form's own values were unusable
// (their fields carry their own errors).
std::optional<std::string> ConsentProblem(const IdentifiedConsent& chosen,
                                          std::span<const IdentifiedConsent> all,
                                          std::string_view recipient, std::optional<Date> on) {
  const Consent& consent = chosen.consent;
  if (consent.purpose != Purpose::kSharing) {
    return "The selected consent is for " + WhatItIsFor(consent) +
           ", not for sharing information with an organisation";
  }
  if (consent.decision == Decision::kRefused) {
    return "The selected record is a refusal: the person refused consent to sharing with " +
           consent.recipient + " on " + FormatDateForPeople(consent.decided_on);
  }
  if (!recipient.empty() && !SameOrganisation(consent.recipient, recipient)) {
    return "The selected consent is for sharing with " + consent.recipient + ", not with " +
           std::string(recipient);
  }
  if (!on) return std::nullopt;
  switch (StatusOn(consent, *on)) {
    case ConsentStatus::kNotYetGiven:
      return "The selected consent was given on " + FormatDateForPeople(consent.decided_on) +
             ", after the information was shared";
    case ConsentStatus::kWithdrawn:
      return "The selected consent was withdrawn on " +
             FormatDateForPeople(consent.withdrawal->on) + ", before the information was shared";
    case ConsentStatus::kExpired:
      return "The selected consent expired on " + FormatDateForPeople(*consent.expires_on) +
             ", before the information was shared";
    case ConsentStatus::kRefused:  // handled above
    case ConsentStatus::kGiven:
      break;
  }
  std::vector<Consent> records;
  records.reserve(all.size());
  for (const auto& record : all) records.push_back(record.consent);
  if (auto refusal = LaterRefusal(records, consent, *on)) {
    return "The person refused consent to sharing with " + consent.recipient + " on " +
           FormatDateForPeople(records[*refusal].decided_on) + ", after the selected consent";
  }
  return std::nullopt;
}

}  // namespace

Result<Disclosure> ValidateDisclosure(const DisclosureInput& input,
                                      std::span<const IdentifiedConsent> consents, Date today) {
  std::vector<FieldError> errors;
  auto add = [&errors](std::string_view field, std::string message) {
    errors.push_back({std::string(field), std::move(message)});
  };
  Disclosure disclosure;

  disclosure.recipient = Trim(input.recipient);
  const bool recipient_ok =
      !disclosure.recipient.empty() && CountCharacters(disclosure.recipient) <= kMaxNameCharacters;
  if (disclosure.recipient.empty()) {
    add(field::kRecipient, "Enter the name of the organisation the information was shared with");
  } else if (!recipient_ok) {
    add(field::kRecipient, "The name of the organisation must be " +
                               WithThousands(kMaxNameCharacters) + " characters or fewer");
  }

  disclosure.shared = Trim(input.shared);
  if (disclosure.shared.empty()) {
    add(field::kShared, "Enter what information was shared");
  } else if (CountCharacters(disclosure.shared) > kMaxTextCharacters) {
    add(field::kShared,
        "What was shared must be " + WithThousands(kMaxTextCharacters) + " characters or fewer");
  }

  const std::string date_text = Trim(input.disclosed_on);
  std::optional<Date> on = ParseIsoDate(date_text);
  if (date_text.empty()) {
    add(field::kDisclosedOn, "Enter the date the information was shared");
  } else if (!on) {
    add(field::kDisclosedOn, "The date the information was shared must be a real date");
  } else if (*on > today) {
    add(field::kDisclosedOn, "The date the information was shared cannot be in the future");
    on.reset();
  } else {
    disclosure.disclosed_on = *on;
  }

  const auto basis = ParseDisclosureBasis(Trim(input.basis));
  if (basis) {
    disclosure.basis = *basis;
  } else {
    add(field::kBasis, "Select the legal basis for sharing the information");
  }

  disclosure.consent_id = Trim(input.consent_id);
  disclosure.reason = Trim(input.reason);
  if (basis == DisclosureBasis::kConsent) {
    if (disclosure.consent_id.empty()) {
      add(field::kConsentId, "Select the consent record that allows this sharing");
    } else {
      const IdentifiedConsent* chosen = nullptr;
      for (const auto& record : consents) {
        if (record.id == disclosure.consent_id) chosen = &record;
      }
      if (!chosen) {
        add(field::kConsentId, "Select one of this person's consent records");
      } else if (auto problem = ConsentProblem(*chosen, consents,
                                               recipient_ok ? disclosure.recipient : "", on)) {
        add(field::kConsentId, std::move(*problem));
      }
    }
    if (!disclosure.reason.empty()) {
      add(field::kReason, "Only give a reason when the information was shared without consent");
    }
  } else if (basis) {
    if (!disclosure.consent_id.empty()) {
      add(field::kConsentId, "Only select a consent record when the legal basis is consent");
    }
    const size_t length = CountCharacters(disclosure.reason);
    if (length == 0) {
      add(field::kReason, "Explain why the information was shared without consent");
    } else if (length < kMinReasonCharacters) {
      add(field::kReason, "Explain in " + std::to_string(kMinReasonCharacters) +
                              " characters or more why the information was shared without "
                              "consent");
    } else if (length > kMaxTextCharacters) {
      add(field::kReason,
          "The reason must be " + WithThousands(kMaxTextCharacters) + " characters or fewer");
    }
  }

  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  return disclosure;
}

}  // namespace waymark::consent
