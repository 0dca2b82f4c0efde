#include "contacts/service.hpp"

#include <algorithm>

#include "platform/util/ids.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::contacts {

namespace {

using cases::AuthorisedCase;
using cases::CaseWork;
using cases::RunCaseRead;
using cases::RunCaseWork;
using identity::Action;
using identity::Actor;
using identity::Origin;

bool KnownLanguage(std::string_view code) { return vocabulary::FindLanguage(code) != nullptr; }

CaseContext ContextFor(const AuthorisedCase& found) {
  return {found.header.id, found.header.reference, found.header.status == cases::CaseStatus::kOpen,
          found.access};
}

// A read by someone who is neither assigned nor a manager is a break-glass read: say so in the
// audit trail, as the case's own reads do.
audit::Event ReadEvent(CaseWork& w, std::string action, const AuthorisedCase& found) {
  auto event = w.Event(std::move(action), found.header.id);
  if (!found.access.assigned && !found.access.manager) {
    event.details.emplace_back("access", "break_glass");
  }
  return event;
}

Result<Contact> LoadForChange(CaseWork& w, const crypto::DataKey& key, const AuthorisedCase& found,
                              std::string_view contact_id, int64_t expected_version) {
  auto contact =
      LoadContact(w.tx, key, found.header.id, contact_id, found.access.can_see_restricted);
  if (!contact) return Fail(Problem::NotFound(std::string(kNoSuchContact)));
  if (contact->version != expected_version) {
    return Fail(Problem::Conflict(std::string(kStaleContact)));
  }
  if (contact->entered_in_error) return Fail(Problem::Conflict(std::string(kAlreadyInError)));
  // Only those who may see restricted text may change the case (kCaseEdit needs assignment or
  // a manager), so a withheld text here would be a broken invariant, not an expected outcome.
  if (contact->text_hidden) throw std::logic_error("an editor cannot see a restricted note");
  return *contact;
}

}  // namespace

Result<ContactPage> ContactService::List(const Actor& actor, std::string_view case_id, int page,
                                         const Origin& origin) {
  return RunCaseRead<ContactPage>(deps_, actor, origin, [&](CaseWork& w) -> Result<ContactPage> {
    auto found = w.Authorise(case_id, Action::kCaseView);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    ContactPage out;
    out.case_info = ContextFor(*found);
    out.total = CountContacts(w.tx, found->header.id);
    out.pages =
        std::max<int>(1, static_cast<int>((out.total + kContactsPerPage - 1) / kContactsPerPage));
    out.page = std::clamp(page, 1, out.pages);
    out.contacts =
        ListContacts(w.tx, key, found->header.id, kContactsPerPage,
                     (out.page - 1) * kContactsPerPage, found->access.can_see_restricted);
    auto event = ReadEvent(w, "contact.list", *found);
    event.details.emplace_back("page", std::to_string(out.page));
    event.details.emplace_back("shown", std::to_string(out.contacts.size()));
    w.Audit(std::move(event));
    return out;
  });
}

Result<ContactView> ContactService::Get(const Actor& actor, std::string_view case_id,
                                        std::string_view contact_id, const Origin& origin) {
  return RunCaseRead<ContactView>(deps_, actor, origin, [&](CaseWork& w) -> Result<ContactView> {
    auto found = w.Authorise(case_id, Action::kCaseView);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    bool may_read = found->access.can_see_restricted;
    auto contact = LoadContact(w.tx, key, found->header.id, contact_id, may_read);
    if (!contact) return Fail(Problem::NotFound(std::string(kNoSuchContact)));
    ContactView view{
        ContextFor(*found), *contact,
        ListContactVersions(w.tx, key, contact->id, may_read, contact->details.restricted)};
    auto event = ReadEvent(w, "contact.view", *found);
    event.details.emplace_back("contact", contact->id);
    if (contact->text_hidden) event.details.emplace_back("restricted", "withheld");
    w.Audit(std::move(event));
    return view;
  });
}

Result<CaseContext> ContactService::ForNewContact(const Actor& actor, std::string_view case_id,
                                                  const Origin& origin) {
  return RunCaseRead<CaseContext>(deps_, actor, origin, [&](CaseWork& w) -> Result<CaseContext> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    return ContextFor(*found);
  });
}

Result<Contact> ContactService::Record(const Actor& actor, std::string_view case_id,
                                       const ContactInput& input, const Origin& origin) {
  return RunCaseWork<Contact>(deps_, actor, origin, [&](CaseWork& w) -> Result<Contact> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    auto valid = ValidateContact(input, w.today, KnownLanguage);
    if (!valid) return Fail(valid.error());
    Contact c;
    c.id = NewId();
    c.case_id = found->header.id;
    c.organisation_id = found->header.organisation_id;
    c.details = *valid;
    c.recorded_at = c.updated_at = w.now;
    c.recorded_by = c.updated_by = actor.user_id;
    InsertContact(w.tx, w.Key(), c);
    auto event = w.Event("contact.record", c.case_id);
    event.details = {{"contact", c.id},
                     {"type", std::string(Code(c.details.type))},
                     {"restricted", c.details.restricted ? "yes" : "no"}};
    w.Audit(std::move(event));
    return c;
  });
}

Result<Contact> ContactService::Edit(const Actor& actor, std::string_view case_id,
                                     std::string_view contact_id, const ContactInput& input,
                                     int64_t expected_version, const Origin& origin) {
  return RunCaseWork<Contact>(deps_, actor, origin, [&](CaseWork& w) -> Result<Contact> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    auto current = LoadForChange(w, key, *found, contact_id, expected_version);
    if (!current) return current;
    auto valid = ValidateContact(input, w.today, KnownLanguage);
    if (!valid) return Fail(valid.error());
    if (*valid == current->details) return current;
    Contact changed = *current;
    changed.details = *valid;
    changed.updated_at = w.now;
    changed.updated_by = actor.user_id;
    if (!UpdateContact(w.tx, key, changed, expected_version)) {
      return Fail(Problem::Conflict(std::string(kStaleContact)));
    }
    changed.version = expected_version + 1;
    auto event = w.Event("contact.edit", changed.case_id);
    event.details = {{"contact", changed.id}, {"version", std::to_string(changed.version)}};
    w.Audit(std::move(event));
    return changed;
  });
}

Result<Contact> ContactService::MarkEnteredInError(const Actor& actor, std::string_view case_id,
                                                   std::string_view contact_id,
                                                   std::string_view reason,
                                                   int64_t expected_version, const Origin& origin) {
  return RunCaseWork<Contact>(deps_, actor, origin, [&](CaseWork& w) -> Result<Contact> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    auto current = LoadForChange(w, key, *found, contact_id, expected_version);
    if (!current) return current;
    auto valid = ValidateErrorReason(reason);
    if (!valid) return Fail(valid.error());
    Contact changed = *current;
    changed.entered_in_error = true;
    changed.error_reason = *valid;
    changed.updated_at = w.now;
    changed.updated_by = actor.user_id;
    if (!UpdateContact(w.tx, key, changed, expected_version)) {
      return Fail(Problem::Conflict(std::string(kStaleContact)));
    }
    changed.version = expected_version + 1;
    auto event = w.Event("contact.error", changed.case_id);
    event.details = {{"contact", changed.id}, {"version", std::to_string(changed.version)}};
    w.Audit(std::move(event));
    return changed;
  });
}

Result<OwnAccountView> ContactService::GetOwnAccount(const Actor& actor, std::string_view case_id,
                                                     const Origin& origin) {
  return RunCaseRead<OwnAccountView>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<OwnAccountView> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        if (!found->access.can_see_restricted) {
          auto decision =
              identity::Decide(actor, Action::kCaseRestrictedView, found->access.resource);
          return Fail(w.Deny(Action::kCaseRestrictedView, found->header.id, decision.reason));
        }
        OwnAccountView view{ContextFor(*found), {}};
        crypto::DataKey key = w.Key();
        if (auto account = CurrentOwnAccount(w.tx, key, found->header.id)) {
          view.account = std::move(*account);
          auto event = w.Event("own_account.view", found->header.id);
          event.details = {{"version", std::to_string(view.account.version)}};
          w.Audit(std::move(event));
        }
        return view;
      });
}

Result<OwnAccount> ContactService::SaveOwnAccount(const Actor& actor, std::string_view case_id,
                                                  std::string_view text, int64_t expected_version,
                                                  const Origin& origin) {
  return RunCaseWork<OwnAccount>(deps_, actor, origin, [&](CaseWork& w) -> Result<OwnAccount> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    if (!found->access.can_see_restricted) {
      auto decision = identity::Decide(actor, Action::kCaseRestrictedView, found->access.resource);
      return Fail(w.Deny(Action::kCaseRestrictedView, found->header.id, decision.reason));
    }
    if (OwnAccountVersion(w.tx, found->header.id) != expected_version) {
      return Fail(Problem::Conflict(std::string(kStaleOwnAccount)));
    }
    auto valid = ValidateOwnAccount(text);
    if (!valid) return Fail(valid.error());
    OwnAccount account{expected_version + 1, *valid, w.now, actor.user_id};
    InsertOwnAccount(w.tx, w.Key(), found->header.id, found->header.organisation_id, account);
    auto event = w.Event("own_account.save", found->header.id);
    event.details = {{"version", std::to_string(account.version)}};
    w.Audit(std::move(event));
    return account;
  });
}

cases::SectionSummary ContactsSection(CaseWork& work, const crypto::DataKey&,
                                      const cases::Case& record, const cases::CaseAccess&) {
  auto later = TallyContactsLater(work.tx, record.id);
  return [later, &record]() mutable {
    ContactTally tally = later.Get();
    cases::CaseSection section{"Contacts and notes", "/cases/" + record.id + "/contacts",
                               "Not started"};
    if (tally.count > 0) {
      section.status = std::to_string(tally.count) + (tally.count == 1 ? " contact" : " contacts");
      section.done = true;
    }
    if (tally.last_contact) {
      section.hint = "Last contact " + FormatDateForPeople(*tally.last_contact);
    }
    return section;
  };
}

}  // namespace waymark::contacts
