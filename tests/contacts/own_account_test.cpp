// Restricted text: restricted notes and the survivor's own account are read only by the
// assigned workers and their manager. A break-glass reader sees that a restricted note exists,
// never its text; an unassigned colleague is refused. And a canary: the free text never
// reaches the stored bytes (the SQLite files, or any PostgreSQL row as text).
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/contacts/contact_fixture.hpp"

namespace waymark::contacts::testing {
namespace {

constexpr std::string_view kCanaryNote = "Vespertilionid harbour ledger";
constexpr std::string_view kCanaryAccount = "Quorbantile orchard account";
constexpr std::string_view kCanaryReason = "Zephyrquill mix-up";

class RestrictedTextTest : public ContactTest {
 protected:
  // The colleague reads the case through break-glass for the next hour.
  void BreakGlass(const cases::Case& c) {
    auto enrolled = Enrol(colleague_);
    clock_.Advance(std::chrono::seconds(30));  // the enrolment used the current code
    auto until = service().OpenWithBreakGlass(
        ActorFor(colleague_), c.id, "Called at 2am from a police station, needs her contact",
        CodeAt(enrolled.secret, clock_.Now()), origin_);
    ASSERT_TRUE(until) << until.error().message;
  }

  ContactInput RestrictedCall(std::string_view notes) {
    ContactInput in = Call(std::string(notes));
    in.restricted = "yes";
    return in;
  }
};

TEST_P(RestrictedTextTest, ABreakGlassReaderSeesThatARestrictedNoteExistsButNotItsText) {
  cases::Case c = CreateAmina();
  Contact secret =
      RecordAs(worker_, c.id, RestrictedCall("She named the man who holds her passport"));
  RecordAs(worker_, c.id, Call("Open note about the bus pass"));
  BreakGlass(c);

  auto list = contacts().List(ActorFor(colleague_), c.id, 1, origin_);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->contacts.size(), 2u);
  int hidden = 0;
  for (const auto& contact : list->contacts) {
    if (contact.details.restricted) {
      ++hidden;
      EXPECT_TRUE(contact.text_hidden);
      EXPECT_EQ(contact.details.notes, "");
    } else {
      EXPECT_EQ(contact.details.notes, "Open note about the bus pass");
    }
  }
  EXPECT_EQ(hidden, 1);
  auto view = contacts().Get(ActorFor(colleague_), c.id, secret.id, origin_);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_TRUE(view->contact.text_hidden);
  EXPECT_EQ(view->contact.details.notes, "");
  for (const auto& version : view->versions) EXPECT_EQ(version.details.notes, "");
  // Break-glass is for reading: no changes, and never the own account.
  EXPECT_FALSE(contacts().Record(ActorFor(colleague_), c.id, Call(), origin_));
  auto account = contacts().GetOwnAccount(ActorFor(colleague_), c.id, origin_);
  ASSERT_FALSE(account);
  EXPECT_EQ(account.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(CountAudit("own_account.view"), 0);
  EXPECT_EQ(CountAudit("permission.denied"), 2);

  // The assigned worker and the manager read it.
  for (const auto* user : {&worker_, &manager_}) {
    auto allowed = contacts().Get(ActorFor(*user), c.id, secret.id, origin_);
    ASSERT_TRUE(allowed);
    EXPECT_FALSE(allowed->contact.text_hidden);
    EXPECT_EQ(allowed->contact.details.notes, "She named the man who holds her passport");
  }
}

TEST_P(RestrictedTextTest, ANoteRestrictedLaterHidesItsEarlierVersionsToo) {
  cases::Case c = CreateAmina();
  Contact note = RecordAs(worker_, c.id, Call("First told about the debt bondage"));
  ASSERT_TRUE(contacts().Edit(ActorFor(worker_), c.id, note.id,
                              RestrictedCall("First told about the debt bondage"), 1, origin_));
  BreakGlass(c);
  auto view = contacts().Get(ActorFor(colleague_), c.id, note.id, origin_);
  ASSERT_TRUE(view) << view.error().message;
  ASSERT_EQ(view->versions.size(), 2u);
  for (const auto& version : view->versions) {
    EXPECT_TRUE(version.text_hidden);
    EXPECT_EQ(version.details.notes, "");
  }
  auto manager = contacts().Get(ActorFor(manager_), c.id, note.id, origin_);
  ASSERT_TRUE(manager);
  EXPECT_EQ(manager->versions[1].details.notes, "First told about the debt bondage");
}

TEST_P(RestrictedTextTest, TheUnassignedColleagueIsRefusedRestrictedTextAndTheRefusalAudited) {
  cases::Case c = CreateAmina();
  Contact secret = RecordAs(worker_, c.id, RestrictedCall("Private"));
  ASSERT_TRUE(contacts().SaveOwnAccount(ActorFor(worker_), c.id, "In my words", 0, origin_));
  auto note = contacts().Get(ActorFor(colleague_), c.id, secret.id, origin_);
  ASSERT_FALSE(note);
  EXPECT_EQ(note.error().kind, ProblemKind::kForbidden);
  auto account = contacts().GetOwnAccount(ActorFor(colleague_), c.id, origin_);
  ASSERT_FALSE(account);
  EXPECT_EQ(account.error().kind, ProblemKind::kForbidden);
  EXPECT_FALSE(contacts().SaveOwnAccount(ActorFor(colleague_), c.id, "Changed", 1, origin_));
  EXPECT_FALSE(contacts().GetOwnAccount(ActorFor(admin_), c.id, origin_));
  EXPECT_EQ(CountAudit("permission.denied"), 4);
  EXPECT_EQ(CountAudit("own_account.view"), 0);
  EXPECT_EQ(Count("case_own_accounts"), 1);
}

TEST_P(RestrictedTextTest, TheOwnAccountIsVersionedAndAStaleSaveIsRefused) {
  cases::Case c = CreateAmina();
  auto empty = contacts().GetOwnAccount(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->account.version, 0);
  EXPECT_EQ(CountAudit("own_account.view"), 0);  // no text was shown
  auto blank = contacts().SaveOwnAccount(ActorFor(worker_), c.id, "  ", 0, origin_);
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().fields[0].field, "account");
  auto first = contacts().SaveOwnAccount(ActorFor(worker_), c.id, "First telling", 0, origin_);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->version, 1);
  auto second =
      contacts().SaveOwnAccount(ActorFor(manager_), c.id, "First telling, corrected", 1, origin_);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->version, 2);
  auto stale = contacts().SaveOwnAccount(ActorFor(worker_), c.id, "From an old page", 1, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  auto now = contacts().GetOwnAccount(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->account.text, "First telling, corrected");
  EXPECT_EQ(now->account.saved_by, manager_.id);
  EXPECT_EQ(Count("case_own_accounts"), 2);  // the first version is kept
  EXPECT_EQ(CountAudit("own_account.save"), 2);
  EXPECT_EQ(CountAudit("own_account.view"), 1);
}

TEST_P(RestrictedTextTest, ACanaryNoteAccountAndReasonNeverReachTheStoredBytes) {
  cases::Case c = CreateAmina();
  Contact open = RecordAs(worker_, c.id, Call(std::string(kCanaryNote)));
  RecordAs(worker_, c.id, RestrictedCall("Restricted " + std::string(kCanaryNote)));
  ASSERT_TRUE(contacts().Edit(ActorFor(worker_), c.id, open.id,
                              Call(std::string(kCanaryNote) + " again"), 1, origin_));
  ASSERT_TRUE(contacts().MarkEnteredInError(ActorFor(worker_), c.id, open.id,
                                            std::string(kCanaryReason), 2, origin_));
  ASSERT_TRUE(
      contacts().SaveOwnAccount(ActorFor(worker_), c.id, std::string(kCanaryAccount), 0, origin_));
  ASSERT_TRUE(contacts().List(ActorFor(worker_), c.id, 1, origin_));
  std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find("Vespertilionid"), std::string::npos);
  EXPECT_EQ(bytes.find("Quorbantile"), std::string::npos);
  EXPECT_EQ(bytes.find("Zephyrquill"), std::string::npos);
  // The non-identifying codes are in the clear, as designed.
  EXPECT_NE(bytes.find("phone"), std::string::npos);
}

WAYMARK_INSTANTIATE_DB_TEST(RestrictedTextTest);

}  // namespace
}  // namespace waymark::contacts::testing
