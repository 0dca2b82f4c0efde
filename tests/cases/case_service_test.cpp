// Creating, reading, changing, listing, searching and closing cases, on both databases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/organisations.hpp"
#include "platform/util/ids.hpp"
#include "tests/cases/case_fixture.hpp"

namespace waymark::cases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class CaseServiceTest : public CaseTest {};

TEST_P(CaseServiceTest, ACaseIsCreatedWithAReferenceAssignedToItsWorkerAndAudited) {
  Case c = CreateAmina();
  EXPECT_TRUE(IsShortReference(c.reference));
  EXPECT_EQ(c.version, 1);
  EXPECT_EQ(c.clear.age_band, "25-34");
  auto view = service().Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->record.personal.FullName(), "Amina Zorbalova");
  EXPECT_THAT(view->record.personal.other_names, ElementsAre("Mina Zee", "Amina Kastrati"));
  EXPECT_EQ(view->record.clear.languages, (std::vector<std::string>{"sqi", "eng"}));
  ASSERT_EQ(view->workers.size(), 1u);
  EXPECT_EQ(view->workers[0].user_id, worker_.id);
  EXPECT_TRUE(view->access.can_edit);
  EXPECT_EQ(CountAudit("case.create"), 1);
  EXPECT_EQ(CountAudit("case.view"), 1);
}

// A stand-in generator for NewCaseReference: the taken reference twice, then a free one; or
// always the taken one.
std::string taken_reference;
int draws = 0;
std::string TakenTwiceThenFree() { return ++draws <= 2 ? taken_reference : "WM-FREE-0001"; }
std::string AlwaysTaken() {
  ++draws;
  return taken_reference;
}

TEST_P(CaseServiceTest, ANewReferenceIsDrawnAgainWhenACaseHasItAlready) {
  taken_reference = CreateAmina().reference;
  draws = 0;
  std::string fresh =
      db().Read([](db::Tx& tx) { return NewCaseReference(tx, TakenTwiceThenFree); });
  EXPECT_EQ(fresh, "WM-FREE-0001");
  EXPECT_EQ(draws, 3);
  draws = 0;
  EXPECT_THROW(db().Read([](db::Tx& tx) { return NewCaseReference(tx, AlwaysTaken); }),
               std::runtime_error);
  EXPECT_EQ(draws, 10);
}

TEST_P(CaseServiceTest, SeveralCasesLoadTogetherAndUnknownIdsAreLeftOut) {
  Case amina = CreateAmina();
  CaseInput other = Amina();
  other.given_names = "Lena";
  auto lena = service().Create(ActorFor(worker_), other, origin_);
  ASSERT_TRUE(lena) << lena.error().message;
  auto loaded = db().Read([&](db::Tx& tx) {
    auto key = identity::LoadDataKey(tx, keyring(), harbour_.id);
    if (!key) throw std::runtime_error(key.error().message);
    return LoadCases(tx, *key, {amina.id, lena->id, NewId()});
  });
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded.at(amina.id).personal.FullName(), "Amina Zorbalova");
  EXPECT_EQ(loaded.at(lena->id).personal.FullName(), "Lena Zorbalova");
  EXPECT_EQ(loaded.at(lena->id).reference, lena->reference);
}

TEST_P(CaseServiceTest, InvalidDetailsAreAllReportedAndChangeNothing) {
  CaseInput in = Amina();
  in.given_names = in.family_name = "";
  in.dob_day = "31";
  in.dob_month = "2";
  in.nationalities = "AL, XX";
  in.languages = "klingon";
  auto created = service().Create(ActorFor(worker_), in, origin_);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().kind, ProblemKind::kInvalid);
  std::vector<std::string> fields;
  for (const auto& f : created.error().fields) fields.push_back(f.field);
  EXPECT_THAT(fields, ElementsAre("given_names", "dob", "nationalities", "languages"));
  EXPECT_EQ(Count("cases"), 0);
  EXPECT_EQ(Count("case_search_keys"), 0);
  EXPECT_EQ(CountAudit("case.create"), 0);
}

TEST_P(CaseServiceTest, AStaleEditIsRefusedAndTheNewerChangeKept) {
  Case c = CreateAmina();
  CaseInput first = Amina();
  first.safe_contact_times = "Evenings only";
  ASSERT_TRUE(service().Update(ActorFor(worker_), c.id, first, 1, origin_));
  CaseInput second = Amina();
  second.safe_contact_times = "Never on Sundays";
  auto stale = service().Update(ActorFor(manager_), c.id, second, 1, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  EXPECT_THAT(stale.error().message, HasSubstr("Someone else changed this case"));
  auto now = service().Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->record.personal.safe_contact_times, "Evenings only");
  EXPECT_EQ(now->record.version, 2);
  EXPECT_EQ(CountAudit("case.update"), 1);
}

TEST_P(CaseServiceTest, EveryVersionIsKeptForFieldLevelHistory) {
  Case c = CreateAmina();
  CaseInput changed = Amina();
  changed.address = "Flat 3, 9 Orchard Row, Hightown";
  ASSERT_TRUE(service().Update(ActorFor(worker_), c.id, changed, 1, origin_));
  // Saving the same values again is not a new version.
  auto same = service().Update(ActorFor(worker_), c.id, changed, 2, origin_);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->version, 2);
  auto history = service().History(ActorFor(manager_), c.id, origin_);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].personal.address, "12 Quince Lane, Lowtown");
  EXPECT_EQ((*history)[1].personal.address, "Flat 3, 9 Orchard Row, Hightown");
  EXPECT_EQ((*history)[1].changed_by, worker_.id);
}

TEST_P(CaseServiceTest, SearchFindsByReferenceNameAliasAndDateOfBirth) {
  Case c = CreateAmina();
  CaseInput other = Amina();
  other.given_names = "Lena";
  other.other_names = "";
  other.dob_year = "1990";
  ASSERT_TRUE(service().Create(ActorFor(worker_), other, origin_));
  auto search = [&](std::string text, std::string year = "") {
    SearchQuery q{std::move(text), year.empty() ? "" : "14", year.empty() ? "" : "7", year};
    auto found = service().Search(ActorFor(worker_), q, origin_);
    EXPECT_TRUE(found) << (found ? "" : found.error().message);
    std::vector<std::string> names;
    for (const auto& x : found->cases) names.push_back(x.personal.FullName());
    std::sort(names.begin(), names.end());
    return names;
  };
  std::string lower_reference = c.reference;
  std::transform(lower_reference.begin(), lower_reference.end(), lower_reference.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  EXPECT_THAT(search(lower_reference), ElementsAre("Amina Zorbalova"));
  EXPECT_THAT(search("  ZORBALOVA "), ElementsAre("Amina Zorbalova", "Lena Zorbalova"));
  EXPECT_THAT(search("zorbalova", "1994"), ElementsAre("Amina Zorbalova"));
  EXPECT_THAT(search("amina zorbalova"), ElementsAre("Amina Zorbalova"));
  EXPECT_THAT(search("Mina Zee"), ElementsAre("Amina Zorbalova"));
  EXPECT_THAT(search("Kastrati"), ElementsAre("Amina Zorbalova"));
  EXPECT_THAT(search("Zorbal"), ElementsAre());  // exact after normalisation, not a prefix
  EXPECT_THAT(search("zorbalova", "1980"), ElementsAre());
  auto empty = service().Search(ActorFor(worker_), SearchQuery{" "}, origin_);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields[0].field, "q");
}

TEST_P(CaseServiceTest, AWorkerListsTheirOwnCasesAndAManagerTheTeams) {
  CreateAmina();
  CaseInput theirs = Amina();
  theirs.given_names = "Other";
  ASSERT_TRUE(service().Create(ActorFor(colleague_), theirs, origin_));
  auto mine = service().List(ActorFor(worker_), {}, origin_);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->total, 1);
  CaseFilter everyone;
  auto team = service().List(ActorFor(manager_), everyone, origin_);
  ASSERT_TRUE(team);
  EXPECT_EQ(team->total, 2);
  CaseFilter by_worker;
  by_worker.worker_id = colleague_.id;
  auto colleague_cases = service().List(ActorFor(manager_), by_worker, origin_);
  ASSERT_TRUE(colleague_cases);
  ASSERT_EQ(colleague_cases->total, 1);
  EXPECT_EQ(colleague_cases->cases[0].personal.given_names, "Other");
  CaseFilter closed;
  closed.status = CaseStatus::kClosed;
  EXPECT_EQ(service().List(ActorFor(manager_), closed, origin_)->total, 0);
  auto other_provider = service().List(ActorFor(other_manager_), everyone, origin_);
  ASSERT_TRUE(other_provider);
  EXPECT_EQ(other_provider->total, 0);
}

TEST_P(CaseServiceTest, AClosedCaseHasAReasonAndCannotBeChanged) {
  Case c = CreateAmina();
  auto bad = service().Close(ActorFor(worker_), c.id, "bored", 1, origin_);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields[0].field, "closure_reason");
  auto closed = service().Close(ActorFor(worker_), c.id, "moved_on", 1, origin_);
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(closed->status, CaseStatus::kClosed);
  auto edit = service().Update(ActorFor(worker_), c.id, Amina(), 2, origin_);
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().kind, ProblemKind::kConflict);
  auto again = service().Close(ActorFor(worker_), c.id, "moved_on", 2, origin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kConflict);
}

WAYMARK_INSTANTIATE_DB_TEST(CaseServiceTest);

}  // namespace
}  // namespace waymark::cases::testing
