// Contacts and notes inside a case, and the survivor's own account: the use cases, with typed
// inputs and outputs so pages and a JSON API call the same functions.
//
// Each call is one transaction (cases::RunCaseWork): the case's policy decides, reads and
// changes are audited with ids and codes only. Restricted text (a restricted note, an error
// reason on it, the own account) is decrypted only for readers with
// CaseAccess::can_see_restricted: the assigned workers and their manager, never a break-glass
// reader. Contacts are corrected, never deleted; a change carries the version it started from
// and a stale one is refused.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cases/service.hpp"
#include "cases/work.hpp"
#include "contacts/model.hpp"
#include "contacts/store.hpp"
#include "identity/deps.hpp"
#include "identity/sign_in.hpp"

namespace waymark::contacts {

inline constexpr int kContactsPerPage = 25;
inline constexpr std::string_view kNoSuchContact =
    "There is no contact with that reference in this case";
inline constexpr std::string_view kStaleContact =
    "Someone else changed this contact while you were editing it. Your changes have not been "
    "saved: check the contact as it is now, then make your changes again";
inline constexpr std::string_view kStaleOwnAccount =
    "Someone else saved a new version of this account while you were editing it. Your changes "
    "have not been saved: read the account as it is now, then make your changes again";
inline constexpr std::string_view kAlreadyInError =
    "This contact is already marked as entered in error";

// The case a page is about: enough for a caption and a back link, and what the reader may do.
struct CaseContext {
  std::string id;
  std::string reference;
  bool open = true;
  cases::CaseAccess access;
};

struct ContactPage {
  CaseContext case_info;
  std::vector<Contact> contacts;  // newest first
  int64_t total = 0;              // every contact of the case, entered in error or not
  int page = 1;                   // 1-based
  int pages = 1;
};

struct ContactView {
  CaseContext case_info;
  Contact contact;
  std::vector<ContactVersion> versions;  // newest first, the current one included
};

struct OwnAccountView {
  CaseContext case_info;
  OwnAccount account;  // version 0 and no text when nothing is recorded yet
};

class ContactService {
 public:
  explicit ContactService(identity::Deps deps) : deps_(deps) {}

  // One page (1-based; a page past the end gives the last page) of the case's contacts.
  Result<ContactPage> List(const identity::Actor& actor, std::string_view case_id, int page,
                           const identity::Origin& origin);
  Result<ContactView> Get(const identity::Actor& actor, std::string_view case_id,
                          std::string_view contact_id, const identity::Origin& origin);
  // The case's reference and the actor's access, for a blank form; refused as a change would
  // be. It reads nothing personal, so it is not audited (a refusal is).
  Result<CaseContext> ForNewContact(const identity::Actor& actor, std::string_view case_id,
                                    const identity::Origin& origin);
  Result<Contact> Record(const identity::Actor& actor, std::string_view case_id,
                         const ContactInput& input, const identity::Origin& origin);
  Result<Contact> Edit(const identity::Actor& actor, std::string_view case_id,
                       std::string_view contact_id, const ContactInput& input,
                       int64_t expected_version, const identity::Origin& origin);
  Result<Contact> MarkEnteredInError(const identity::Actor& actor, std::string_view case_id,
                                     std::string_view contact_id, std::string_view reason,
                                     int64_t expected_version, const identity::Origin& origin);

  // Refused (and the refusal audited) to anyone without can_see_restricted.
  Result<OwnAccountView> GetOwnAccount(const identity::Actor& actor, std::string_view case_id,
                                       const identity::Origin& origin);
  // `expected_version` is the version the person started from (0 for the first account).
  Result<OwnAccount> SaveOwnAccount(const identity::Actor& actor, std::string_view case_id,
                                    std::string_view text, int64_t expected_version,
                                    const identity::Origin& origin);

 private:
  identity::Deps deps_;
};

// The case overview's "Contacts and notes" section: "Not started" or "N contacts", with the
// date of the last contact. Register with CaseService::AddSection.
cases::SectionSummary ContactsSection(cases::CaseWork& work, const crypto::DataKey& key,
                                      const cases::Case& record, const cases::CaseAccess& access);

}  // namespace waymark::contacts
