// ValidateConsent and IsLanguageCode (declared in model.hpp): the consent form's rules.
#include <string>
#include <vector>

#include "consent/model.hpp"
#include "consent/text.hpp"

namespace waymark::consent {

namespace {

// "given", "refused", or both when the decision is missing: the date messages name the
// decision the person chose.
std::string DecisionWords(const std::optional<Decision>& decision) {
  if (!decision) return "given or refused";
  return *decision == Decision::kGiven ? "given" : "refused";
}

}  // namespace

bool IsLanguageCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

Result<Consent> ValidateConsent(const ConsentInput& input, Date today) {
  std::vector<FieldError> errors;
  auto add = [&errors](std::string_view field, std::string message) {
    errors.push_back({std::string(field), std::move(message)});
  };
  Consent consent;

  const auto purpose = ParsePurpose(Trim(input.purpose));
  if (purpose) {
    consent.purpose = *purpose;
  } else {
    add(field::kPurpose, "Select what the consent is for");
  }

  consent.recipient = Trim(input.recipient);
  if (purpose == Purpose::kSharing) {
    if (consent.recipient.empty()) {
      add(field::kRecipient, "Enter the name of the organisation information may be shared with");
    } else if (CountCharacters(consent.recipient) > kMaxNameCharacters) {
      add(field::kRecipient, "The name of the organisation must be " +
                                 WithThousands(kMaxNameCharacters) + " characters or fewer");
    }
  } else if (purpose && !consent.recipient.empty()) {
    add(field::kRecipient,
        "Only enter an organisation when the consent is for sharing information with it");
  }

  const std::string method_code = Trim(input.contact_method);
  if (purpose == Purpose::kContact) {
    consent.method = ParseContactMethod(method_code);
    if (!consent.method) add(field::kContactMethod, "Select the contact method");
  } else if (purpose && !method_code.empty()) {
    add(field::kContactMethod, "Only select a contact method when the consent is for contact");
  }

  const auto decision = ParseDecision(Trim(input.decision));
  if (decision) {
    consent.decision = *decision;
  } else {
    add(field::kDecision, "Select whether consent was given or refused");
  }

  consent.language = Trim(input.language);
  if (consent.language.empty()) {
    add(field::kLanguage, "Select the language the person was given information in");
  } else if (!IsLanguageCode(consent.language)) {
    add(field::kLanguage, "The language must be a 3-letter ISO 639-3 code, like eng");
  }

  const std::string interpreter = Trim(input.interpreter);
  if (interpreter == "yes" || interpreter == "no") {
    consent.interpreter_used = interpreter == "yes";
  } else {
    add(field::kInterpreter, "Select whether an interpreter was used");
  }

  const auto format = ParseInformationFormat(Trim(input.format));
  if (format) {
    consent.format = *format;
  } else {
    add(field::kFormat, "Select the format the person was given information in");
  }

  const std::string words = DecisionWords(decision);
  const std::string decided_text = Trim(input.decided_on);
  const auto decided_on = ParseIsoDate(decided_text);
  if (decided_text.empty()) {
    add(field::kDecidedOn, "Enter the date consent was " + words);
  } else if (!decided_on) {
    add(field::kDecidedOn, "The date consent was " + words + " must be a real date");
  } else if (*decided_on > today) {
    add(field::kDecidedOn, "The date consent was " + words + " cannot be in the future");
  } else {
    consent.decided_on = *decided_on;
  }

  const std::string expires_text = Trim(input.expires_on);
  if (!expires_text.empty()) {
    consent.expires_on = ParseIsoDate(expires_text);
    if (decision == Decision::kRefused) {
      add(field::kExpiresOn, "Leave the expiry date empty when consent was refused");
    } else if (!consent.expires_on) {
      add(field::kExpiresOn, "The expiry date must be a real date");
    } else if (decided_on && *consent.expires_on <= *decided_on) {
      add(field::kExpiresOn, "The expiry date must be after the date consent was given");
    }
  }

  consent.notes = Trim(input.notes);
  if (CountCharacters(consent.notes) > kMaxTextCharacters) {
    add(field::kNotes,
        "Notes must be " + WithThousands(kMaxTextCharacters) + " characters or fewer");
  }

  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  return consent;
}

}  // namespace waymark::consent
