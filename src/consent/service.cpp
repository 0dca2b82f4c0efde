#include "consent/service.hpp"

#include <map>
#include <utility>

#include "consent/facts.hpp"
#include "consent/store.hpp"
#include "consent/text.hpp"
#include "identity/users.hpp"
#include "platform/util/ids.hpp"
#include "tasks/store.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::consent {

namespace {

using cases::AuthorisedCase;
using cases::CaseWork;
using identity::Action;
using identity::Actor;
using identity::Origin;

CaseFrame FrameFor(const AuthorisedCase& found, Date today) {
  const bool closed = found.header.status == cases::CaseStatus::kClosed;
  return {found.header.id, found.header.reference, closed, found.access.can_edit && !closed, today};
}

// Display names of the staff who recorded things, looked up once each.
class Names {
 public:
  explicit Names(db::Tx& tx) : tx_(tx) {}
  std::string operator()(const std::string& user_id) {
    if (user_id.empty()) return {};
    auto [it, added] = names_.try_emplace(user_id);
    if (added) {
      auto user = identity::FindUser(tx_, user_id);
      it->second = user ? user->display_name : "Unknown user";
    }
    return it->second;
  }

 private:
  db::Tx& tx_;
  std::map<std::string, std::string> names_;
};

std::vector<Consent> Decisions(const std::vector<StoredConsent>& stored) {
  std::vector<Consent> out;
  for (const auto& s : stored) out.push_back(s.consent);
  return out;
}

std::vector<ConsentRecord> RecordsFor(db::Tx& tx, const std::vector<StoredConsent>& stored,
                                      Date today) {
  const std::vector<Consent> all = Decisions(stored);
  Names names(tx);
  std::vector<ConsentRecord> out;
  for (const auto& s : stored) {
    ConsentRecord r;
    r.id = s.id;
    r.version = s.version;
    r.consent = s.consent;
    r.status = StatusOn(s.consent, today);
    r.superseded = r.status == ConsentStatus::kGiven && LaterRefusal(all, s.consent, today);
    r.recorded_at = s.recorded_at;
    r.recorded_by = names(s.recorded_by);
    r.withdrawn_at = s.withdrawn_at;
    r.withdrawn_by = names(s.withdrawn_by);
    out.push_back(std::move(r));
  }
  return out;
}

// The pure rules check the language code's shape; whether it exists is the vocabulary's say.
Result<Consent> ValidateWithLanguage(const ConsentInput& input, Date today) {
  auto valid = ValidateConsent(input, today);
  const std::string code = Trim(input.language);
  const bool unknown = IsLanguageCode(code) && !vocabulary::FindLanguage(code);
  if (!unknown) return valid;
  FieldError error{std::string(field::kLanguage),
                   "Select a language from the list, or enter a real ISO 639-3 code"};
  if (valid) return Fail(Problem::Invalid({std::move(error)}));
  valid.error().fields.push_back(std::move(error));
  return valid;
}

audit::Event WithDetails(audit::Event event,
                         std::vector<std::pair<std::string, std::string>> details) {
  event.details = std::move(details);
  return event;
}

}  // namespace

Result<ConsentList> ConsentService::Consents(const Actor& actor, std::string_view case_id,
                                             const Origin& origin) {
  return cases::RunCaseRead<ConsentList>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<ConsentList> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        ConsentList list;
        list.frame = FrameFor(*found, w.today);
        list.consents = RecordsFor(w.tx, LoadConsents(w.tx, key, found->header.id), w.today);
        if (auto record = cases::LoadCase(w.tx, key, found->header.id)) {
          list.languages = record->clear.languages;
        }
        w.Audit(WithDetails(w.Event("consent.view", found->header.id),
                            {{"shown", std::to_string(list.consents.size())}}));
        return list;
      });
}

namespace {

// Consent expiry dates, for "my tasks": replaced after every change that can move them.
void KeepConsentDeadlines(CaseWork& w, const crypto::DataKey& key,
                          const cases::CaseHeader& header) {
  std::vector<tasks::Deadline> deadlines;
  for (const auto& expiring :
       ConsentsExpiring(w.tx, key, header.id, w.today, w.today + std::chrono::days(5 * 366))) {
    deadlines.push_back({"consent.expiry", expiring.expires_on, expiring.consent_id});
  }
  tasks::ReplaceDeadlines(w.tx, header.id, header.organisation_id, "consent", deadlines);
}

}  // namespace

Result<ConsentRecord> ConsentService::RecordConsent(const Actor& actor, std::string_view case_id,
                                                    const ConsentInput& input,
                                                    const Origin& origin) {
  return cases::RunCaseWork<ConsentRecord>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<ConsentRecord> {
        auto found = w.AuthoriseChange(case_id);
        if (!found) return Fail(found.error());
        auto valid = ValidateWithLanguage(input, w.today);
        if (!valid) return Fail(valid.error());
        crypto::DataKey key = w.Key();
        StoredConsent stored{NewId(), found->header.id, 1, *valid, w.now, actor.user_id, {}, {}};
        InsertConsent(w.tx, key, stored, found->header.organisation_id);
        KeepConsentDeadlines(w, key, found->header);
        w.Audit(WithDetails(w.Event("consent.record", found->header.id),
                            {{"consent_id", stored.id},
                             {"purpose", std::string(Code(valid->purpose))},
                             {"decision", std::string(Code(valid->decision))}}));
        for (auto& record : RecordsFor(w.tx, LoadConsents(w.tx, key, found->header.id), w.today)) {
          if (record.id == stored.id) return record;
        }
        throw std::logic_error("a consent record just written was not found");
      });
}

Result<ConsentRecord> ConsentService::Withdraw(const Actor& actor, std::string_view case_id,
                                               std::string_view consent_id,
                                               const WithdrawalInput& input,
                                               int64_t expected_version, const Origin& origin) {
  return cases::RunCaseWork<ConsentRecord>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<ConsentRecord> {
        auto found = w.AuthoriseChange(case_id);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        std::vector<StoredConsent> stored = LoadConsents(w.tx, key, found->header.id);
        const StoredConsent* target = nullptr;
        for (const auto& s : stored) {
          if (s.id == consent_id) target = &s;
        }
        if (!target) return Fail(Problem::NotFound(std::string(kNoSuchConsent)));
        if (target->version != expected_version) {
          return Fail(Problem::Conflict(std::string(kStaleConsent)));
        }
        auto withdrawn = ValidateWithdrawal(target->consent, input, w.today);
        if (!withdrawn) return Fail(withdrawn.error());
        if (!RecordWithdrawal(w.tx, key, target->id, *withdrawn->withdrawal, expected_version,
                              actor.user_id, w.now)) {
          return Fail(Problem::Conflict(std::string(kStaleConsent)));
        }
        KeepConsentDeadlines(w, key, found->header);
        w.Audit(WithDetails(w.Event("consent.withdraw", found->header.id),
                            {{"consent_id", target->id},
                             {"purpose", std::string(Code(target->consent.purpose))},
                             {"version", std::to_string(expected_version + 1)}}));
        for (auto& record : RecordsFor(w.tx, LoadConsents(w.tx, key, found->header.id), w.today)) {
          if (record.id == consent_id) return record;
        }
        throw std::logic_error("a consent record just withdrawn was not found");
      });
}

Result<DisclosureList> ConsentService::Disclosures(const Actor& actor, std::string_view case_id,
                                                   const Origin& origin) {
  return cases::RunCaseRead<DisclosureList>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<DisclosureList> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        DisclosureList list;
        list.frame = FrameFor(*found, w.today);
        Names names(w.tx);
        for (auto& s : LoadDisclosures(w.tx, key, found->header.id)) {
          list.disclosures.push_back(
              {std::move(s.id), std::move(s.disclosure), s.recorded_at, names(s.recorded_by)});
        }
        list.consents = RecordsFor(w.tx, LoadConsents(w.tx, key, found->header.id), w.today);
        w.Audit(WithDetails(w.Event("disclosure.view", found->header.id),
                            {{"shown", std::to_string(list.disclosures.size())}}));
        return list;
      });
}

Result<DisclosureRecord> ConsentService::RecordDisclosure(const Actor& actor,
                                                          std::string_view case_id,
                                                          const DisclosureInput& input,
                                                          const Origin& origin) {
  return cases::RunCaseWork<DisclosureRecord>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<DisclosureRecord> {
        auto found = w.AuthoriseChange(case_id);
        if (!found) return Fail(found.error());
        crypto::DataKey key = w.Key();
        std::vector<IdentifiedConsent> consents;
        for (auto& s : LoadConsents(w.tx, key, found->header.id)) {
          consents.push_back({std::move(s.id), std::move(s.consent)});
        }
        auto valid = ValidateDisclosure(input, consents, w.today);
        if (!valid) return Fail(valid.error());
        StoredDisclosure stored{NewId(), found->header.id, *valid, w.now, actor.user_id};
        InsertDisclosure(w.tx, key, stored, found->header.organisation_id);
        std::vector<std::pair<std::string, std::string>> details{
            {"disclosure_id", stored.id}, {"basis", std::string(Code(valid->basis))}};
        if (valid->basis == DisclosureBasis::kConsent) {
          details.emplace_back("consent_id", valid->consent_id);
        }
        w.Audit(WithDetails(w.Event("disclosure.record", found->header.id), std::move(details)));
        return DisclosureRecord{stored.id, stored.disclosure, stored.recorded_at,
                                Names(w.tx)(actor.user_id)};
      });
}

}  // namespace waymark::consent
