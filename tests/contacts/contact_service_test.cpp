// Contacts through the service on both databases: recording, paging newest first, corrections
// that keep every version, entered in error, who may read and change them, and the audit trail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/contacts/contact_fixture.hpp"

namespace waymark::contacts::testing {
namespace {

using ::testing::HasSubstr;

class ContactServiceTest : public ContactTest {};

TEST_P(ContactServiceTest, RecordAndReadAContact) {
  cases::Case c = CreateAmina();
  Contact recorded = RecordAs(worker_, c.id, Call());
  EXPECT_EQ(recorded.version, 1);
  auto view = contacts().Get(ActorFor(manager_), c.id, recorded.id, origin_);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->contact.details.notes, "Checked in about the GP appointment");
  EXPECT_EQ(view->contact.details.type, ContactType::kPhone);
  EXPECT_EQ(view->contact.details.interpreter_language, "sqi");
  EXPECT_EQ(view->contact.details.duration_minutes, 20);
  EXPECT_EQ(view->contact.recorded_by, worker_.id);
  EXPECT_EQ(view->case_info.reference, c.reference);
  ASSERT_EQ(view->versions.size(), 1u);
  EXPECT_EQ(CountAudit("contact.record"), 1);
  EXPECT_EQ(CountAudit("contact.view"), 1);
}

TEST_P(ContactServiceTest, InvalidInputIsRefusedAndChangesNothing) {
  cases::Case c = CreateAmina();
  ContactInput in = Call();
  in.date_year = "2030";
  in.duration = "0";
  auto refused = contacts().Record(ActorFor(worker_), c.id, in, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "contact_date");
  EXPECT_EQ(refused.error().fields[1].field, "duration");
  in = Call();
  in.interpreter_language = "xx";  // not an ISO 639-3 code
  ASSERT_FALSE(contacts().Record(ActorFor(worker_), c.id, in, origin_));
  EXPECT_EQ(Count("case_contacts"), 0);
  EXPECT_EQ(Count("case_contact_versions"), 0);
  EXPECT_EQ(CountAudit("contact.record"), 0);
}

TEST_P(ContactServiceTest, TheListPagesNewestFirstTwentyFiveAtATime) {
  cases::Case c = CreateAmina();
  // 30 contacts on 30 different days, recorded oldest first.
  for (int day = 1; day <= 30; ++day) {
    ContactInput in = Call("Contact number " + std::to_string(day));
    in.date_day = std::to_string(day);
    in.date_month = "1";
    RecordAs(worker_, c.id, in);
  }
  auto first = contacts().List(ActorFor(worker_), c.id, 1, origin_);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->total, 30);
  EXPECT_EQ(first->pages, 2);
  ASSERT_EQ(first->contacts.size(), 25u);
  EXPECT_EQ(first->contacts.front().details.notes, "Contact number 30");
  EXPECT_EQ(first->contacts.back().details.notes, "Contact number 6");
  auto second = contacts().List(ActorFor(worker_), c.id, 2, origin_);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->contacts.size(), 5u);
  EXPECT_EQ(second->contacts.front().details.notes, "Contact number 5");
  EXPECT_EQ(second->contacts.back().details.notes, "Contact number 1");
  // A page past the end shows the last page.
  auto past = contacts().List(ActorFor(worker_), c.id, 99, origin_);
  ASSERT_TRUE(past);
  EXPECT_EQ(past->page, 2);
  EXPECT_EQ(CountAudit("contact.list"), 3);
}

TEST_P(ContactServiceTest, TheOverviewSectionCountsContactsAndShowsTheLast) {
  auto cases = service();
  cases.AddSection(ContactsSection);
  cases::Case c = CreateAmina();
  auto before = cases.Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(before);
  ASSERT_EQ(before->sections.size(), 1u);
  EXPECT_EQ(before->sections[0].title, "Contacts and notes");
  EXPECT_EQ(before->sections[0].status, "Not started");
  EXPECT_EQ(before->sections[0].href, "/cases/" + c.id + "/contacts");
  ContactInput early = Call();
  early.date_day = "1";
  RecordAs(worker_, c.id, early);
  Contact mistake = RecordAs(worker_, c.id, Call());
  ASSERT_TRUE(contacts().MarkEnteredInError(ActorFor(worker_), c.id, mistake.id,
                                            "Recorded on the wrong case", 1, origin_));
  auto after = cases.Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->sections[0].status, "1 contact");
  EXPECT_EQ(after->sections[0].hint, "Last contact 1 March 2024");
}

TEST_P(ContactServiceTest, AnEditKeepsTheOldVersionAndAStaleEditIsRefused) {
  cases::Case c = CreateAmina();
  Contact recorded = RecordAs(worker_, c.id, Call());
  ContactInput changed = Call("Checked in about the GP appointment and the dentist");
  auto edited = contacts().Edit(ActorFor(worker_), c.id, recorded.id, changed, 1, origin_);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->version, 2);
  // The manager still holds version 1: refused, nothing overwritten.
  auto stale =
      contacts().Edit(ActorFor(manager_), c.id, recorded.id, Call("Overwrite"), 1, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  EXPECT_THAT(stale.error().message, HasSubstr("Someone else changed this contact"));
  auto view = contacts().Get(ActorFor(worker_), c.id, recorded.id, origin_);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->contact.details.notes, "Checked in about the GP appointment and the dentist");
  ASSERT_EQ(view->versions.size(), 2u);
  EXPECT_EQ(view->versions[0].version, 2);
  EXPECT_EQ(view->versions[1].details.notes, "Checked in about the GP appointment");
  EXPECT_EQ(CountAudit("contact.edit"), 1);
}

TEST_P(ContactServiceTest, AContactEnteredInErrorIsKeptAndCannotBeChanged) {
  cases::Case c = CreateAmina();
  Contact recorded = RecordAs(worker_, c.id, Call());
  auto no_reason =
      contacts().MarkEnteredInError(ActorFor(worker_), c.id, recorded.id, " ", 1, origin_);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().fields[0].field, "reason");
  auto marked = contacts().MarkEnteredInError(ActorFor(worker_), c.id, recorded.id,
                                              "Written on the wrong case", 1, origin_);
  ASSERT_TRUE(marked) << marked.error().message;
  EXPECT_TRUE(marked->entered_in_error);
  auto view = contacts().Get(ActorFor(worker_), c.id, recorded.id, origin_);
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->contact.entered_in_error);
  EXPECT_EQ(view->contact.error_reason, "Written on the wrong case");
  EXPECT_EQ(view->contact.details.notes, "Checked in about the GP appointment");
  auto edit = contacts().Edit(ActorFor(worker_), c.id, recorded.id, Call(), 2, origin_);
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(Count("case_contacts"), 1);
  EXPECT_EQ(Count("case_contact_versions"), 2);
  EXPECT_EQ(CountAudit("contact.error"), 1);
}

TEST_P(ContactServiceTest, OnlyTheCaseTeamReadsOrRecordsAndRefusalsAreAudited) {
  cases::Case c = CreateAmina();
  Contact recorded = RecordAs(worker_, c.id, Call());
  auto colleague = contacts().List(ActorFor(colleague_), c.id, 1, origin_);
  ASSERT_FALSE(colleague);
  EXPECT_EQ(colleague.error().kind, ProblemKind::kForbidden);
  EXPECT_FALSE(contacts().Get(ActorFor(colleague_), c.id, recorded.id, origin_));
  EXPECT_FALSE(contacts().Record(ActorFor(colleague_), c.id, Call(), origin_));
  auto admin = contacts().Get(ActorFor(admin_), c.id, recorded.id, origin_);
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().kind, ProblemKind::kForbidden);
  // Another provider is not told the case exists.
  auto outsider = contacts().Get(ActorFor(other_manager_), c.id, recorded.id, origin_);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().kind, ProblemKind::kNotFound);
  EXPECT_FALSE(contacts().Record(ActorFor(other_manager_), c.id, Call(), origin_));
  // A contact of another case is not found through this one.
  cases::Case other = CreateAmina();
  auto elsewhere = contacts().Get(ActorFor(worker_), other.id, recorded.id, origin_);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().kind, ProblemKind::kNotFound);
  EXPECT_EQ(Count("case_contacts"), 1);
  EXPECT_EQ(CountAudit("permission.denied"), 6);
  EXPECT_EQ(CountAudit("contact.view"), 0);
}

TEST_P(ContactServiceTest, AClosedCaseTakesNoNewContacts) {
  cases::Case c = CreateAmina();
  ASSERT_TRUE(service().Close(ActorFor(manager_), c.id, "support_completed", 1, origin_));
  auto refused = contacts().Record(ActorFor(worker_), c.id, Call(), origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(Count("case_contacts"), 0);
}

// With 2 million contacts a page must come from the index, in order, without sorting the case's
// rows. PostgreSQL is told not to scan sequentially, because with an empty table it would.
TEST_P(ContactServiceTest, APageOfContactsIsReadFromTheIndexInOrder) {
  constexpr std::string_view kPage =
      "SELECT id FROM case_contacts WHERE case_id = ? ORDER BY contact_date DESC, contact_time "
      "DESC, recorded_at DESC LIMIT 25 OFFSET 25";
  bool sqlite = GetParam() == db::BackendKind::kSqlite;
  std::string plan;
  db().Read([&](db::Tx& tx) {
    if (!sqlite) tx.Execute("SET LOCAL enable_seqscan = off");
    std::string explain = sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
    for (const auto& row : tx.Query(explain + std::string(kPage), {"x"})) {
      plan += row.text(sqlite ? 3 : 0) + "\n";
    }
  });
  EXPECT_THAT(plan, HasSubstr("case_contacts_by_date"));
  EXPECT_THAT(plan, ::testing::Not(HasSubstr(sqlite ? "TEMP B-TREE" : "Sort")));
}

WAYMARK_INSTANTIATE_DB_TEST(ContactServiceTest);

}  // namespace
}  // namespace waymark::contacts::testing
