#include "consent/store.hpp"

#include <stdexcept>

#include "platform/crypto/field_cipher.hpp"

namespace waymark::consent {

namespace {

constexpr std::string_view kConsentColumns =
    "id, case_id, version, purpose, recipient, contact_method, decision, language, "
    "interpreter_used, format, decided_on, expires_on, notes, withdrawn_on, withdrawal_note, "
    "withdrawn_at, withdrawn_by, recorded_at, recorded_by";

// Empty text is stored as NULL, so an absent note has no ciphertext at all.
std::optional<db::Blob> EncryptOptional(const crypto::DataKey& key, std::string_view text,
                                        const crypto::FieldContext& context) {
  if (text.empty()) return std::nullopt;
  return crypto::EncryptField(key, text, context);
}

std::string DecryptOptional(const crypto::DataKey& key, const std::optional<db::Blob>& blob,
                            const crypto::FieldContext& context) {
  return blob ? crypto::DecryptStoredField(key, *blob, context) : std::string();
}

Date StoredDate(std::string_view text, std::string_view what) {
  auto date = ParseIsoDate(text);
  if (!date) throw std::runtime_error("consent store: bad " + std::string(what));
  return *date;
}

template <class T>
T StoredCode(std::optional<T> parsed, std::string_view what) {
  if (!parsed) throw std::runtime_error("consent store: unknown " + std::string(what));
  return *parsed;
}

StoredConsent ConsentFromRow(const db::Row& row, const crypto::DataKey& key) {
  StoredConsent s;
  s.id = row.text(0);
  s.case_id = row.text(1);
  s.version = row.integer(2);
  Consent& c = s.consent;
  c.purpose = StoredCode(ParsePurpose(row.text(3)), "purpose");
  c.recipient = DecryptOptional(key, row.optional_blob(4), {"consents", "recipient", s.id});
  if (std::string method = row.text(5); !method.empty()) {
    c.method = StoredCode(ParseContactMethod(method), "contact method");
  }
  c.decision = StoredCode(ParseDecision(row.text(6)), "decision");
  c.language = row.text(7);
  c.interpreter_used = row.boolean(8);
  c.format = StoredCode(ParseInformationFormat(row.text(9)), "format");
  c.decided_on = StoredDate(row.text(10), "decided_on");
  if (auto expires = row.optional_text(11)) c.expires_on = StoredDate(*expires, "expires_on");
  c.notes = DecryptOptional(key, row.optional_blob(12), {"consents", "notes", s.id});
  if (auto withdrawn = row.optional_text(13)) {
    c.withdrawal = Withdrawal{
        StoredDate(*withdrawn, "withdrawn_on"),
        DecryptOptional(key, row.optional_blob(14), {"consents", "withdrawal_note", s.id})};
  }
  s.withdrawn_at = row.optional_time(15);
  s.withdrawn_by = row.optional_text(16).value_or("");
  s.recorded_at = row.time(17);
  s.recorded_by = row.text(18);
  return s;
}

}  // namespace

void InsertConsent(db::Tx& tx, const crypto::DataKey& key, const StoredConsent& s,
                   std::string_view organisation_id) {
  const Consent& c = s.consent;
  std::optional<std::string> expires;
  if (c.expires_on) expires = FormatIsoDate(*c.expires_on);
  tx.Execute(
      "INSERT INTO consents (id, case_id, organisation_id, purpose, recipient, contact_method, "
      "decision, language, interpreter_used, format, decided_on, expires_on, notes, version, "
      "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
      {s.id, s.case_id, organisation_id, Code(c.purpose),
       EncryptOptional(key, c.recipient, {"consents", "recipient", s.id}),
       c.method ? Code(*c.method) : std::string_view(), Code(c.decision), c.language,
       c.interpreter_used, Code(c.format), FormatIsoDate(c.decided_on), expires,
       EncryptOptional(key, c.notes, {"consents", "notes", s.id}), s.recorded_at, s.recorded_by});
}

db::Later<std::vector<StoredConsent>> LoadConsentsLater(db::Tx& tx, const crypto::DataKey& key,
                                                        std::string_view case_id) {
  return {tx.QueryLater("SELECT " + std::string(kConsentColumns) +
                            " FROM consents WHERE case_id = ? ORDER BY decided_on, recorded_at, id",
                        {case_id}),
          [&key](const db::Rows& rows) {
            std::vector<StoredConsent> out;
            for (const auto& row : rows) out.push_back(ConsentFromRow(row, key));
            return out;
          }};
}

std::vector<StoredConsent> LoadConsents(db::Tx& tx, const crypto::DataKey& key,
                                        std::string_view case_id) {
  return LoadConsentsLater(tx, key, case_id).Get();
}

bool RecordWithdrawal(db::Tx& tx, const crypto::DataKey& key, std::string_view id,
                      const Withdrawal& withdrawal, int64_t expected_version,
                      std::string_view actor_id, TimePoint now) {
  return tx.Execute(
             "UPDATE consents SET withdrawn_on = ?, withdrawal_note = ?, withdrawn_at = ?, "
             "withdrawn_by = ?, version = version + 1 "
             "WHERE id = ? AND version = ? AND withdrawn_on IS NULL",
             {FormatIsoDate(withdrawal.on),
              EncryptOptional(key, withdrawal.note, {"consents", "withdrawal_note", id}), now,
              actor_id, id, expected_version}) == 1;
}

void InsertDisclosure(db::Tx& tx, const crypto::DataKey& key, const StoredDisclosure& s,
                      std::string_view organisation_id) {
  const Disclosure& d = s.disclosure;
  const bool by_consent = d.basis == DisclosureBasis::kConsent;
  std::optional<std::string> consent_id;
  if (by_consent) consent_id = d.consent_id;
  tx.Execute(
      "INSERT INTO disclosures (id, case_id, organisation_id, recipient, shared, disclosed_on, "
      "basis, consent_id, reason, recorded_at, recorded_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, s.case_id, organisation_id,
       crypto::EncryptField(key, d.recipient, {"disclosures", "recipient", s.id}),
       crypto::EncryptField(key, d.shared, {"disclosures", "shared", s.id}),
       FormatIsoDate(d.disclosed_on), Code(d.basis), consent_id,
       by_consent ? std::optional<db::Blob>()
                  : crypto::EncryptField(key, d.reason, {"disclosures", "reason", s.id}),
       s.recorded_at, s.recorded_by});
}

std::vector<StoredDisclosure> LoadDisclosures(db::Tx& tx, const crypto::DataKey& key,
                                              std::string_view case_id) {
  std::vector<StoredDisclosure> out;
  for (const auto& row : tx.Query(
           "SELECT id, recipient, shared, disclosed_on, basis, consent_id, reason, recorded_at, "
           "recorded_by FROM disclosures WHERE case_id = ? "
           "ORDER BY disclosed_on DESC, recorded_at DESC, id",
           {case_id})) {
    StoredDisclosure s;
    s.id = row.text(0);
    s.case_id = std::string(case_id);
    Disclosure& d = s.disclosure;
    d.recipient = crypto::DecryptStoredField(key, row.blob(1), {"disclosures", "recipient", s.id});
    d.shared = crypto::DecryptStoredField(key, row.blob(2), {"disclosures", "shared", s.id});
    d.disclosed_on = StoredDate(row.text(3), "disclosed_on");
    d.basis = StoredCode(ParseDisclosureBasis(row.text(4)), "basis");
    d.consent_id = row.optional_text(5).value_or("");
    d.reason = DecryptOptional(key, row.optional_blob(6), {"disclosures", "reason", s.id});
    s.recorded_at = row.time(7);
    s.recorded_by = row.text(8);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace waymark::consent
