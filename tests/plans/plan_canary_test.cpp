// The canary: distinctive words typed into a plan (a goal, an action, evidence) must never appear
// in the stored bytes: the SQLite file and its WAL, or any PostgreSQL row cast to text.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/plans/plan_service_fixture.hpp"

namespace waymark::plans::testing {
namespace {

constexpr std::string_view kCanaryGoal = "Zephyrquill";
constexpr std::string_view kCanaryEvidence = "Marrowgleam";

class PlanCanaryTest : public PlanServiceTest {
 protected:
  std::string StoredBytes() {
    std::string all;
    if (GetParam() == db::BackendKind::kSqlite) {
      std::string path = test_db().url().substr(std::string_view("sqlite:").size());
      for (const std::string& file : {path, path + "-wal", path + "-journal"}) {
        std::ifstream in(file, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      EXPECT_GT(all.size(), 10000u) << "the database files were not read";
      return all;
    }
    db().Read([&](db::Tx& tx) {
      for (const auto& table :
           tx.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    "current_schema() AND table_type = 'BASE TABLE'")) {
        // Table names come from the catalogue, not from a person.
        for (const auto& row : tx.Query("SELECT t::text FROM \"" + table.text(0) + "\" t")) {
          all += row.text(0);
          all += '\n';
        }
      }
    });
    EXPECT_NE(all.find("plan.agree"), std::string::npos) << "the tables were not read";
    return all;
  }
};

TEST_P(PlanCanaryTest, WordsTypedIntoAPlanNeverReachTheStoredBytes) {
  auto c = CreateAmina();
  auto actor = ActorFor(worker_);
  StoredPlan plan = Ok(plans().Start(actor, c.id, origin_));
  GoalInput goal = Housing();
  goal.text = "Reach " + std::string(kCanaryGoal) + " safely";
  goal.actions[0].owner = std::string(kCanaryGoal) + " Solicitors";
  plan = Ok(plans().SaveGoal(actor, c.id, std::nullopt, goal, plan.revision, origin_));
  plan =
      Ok(plans().RecordEvidence(actor, c.id, AllPoints(kCanaryEvidence), plan.revision, origin_));
  plan = Ok(plans().SetReviewDate(actor, c.id, kReviewOn, plan.revision, origin_));
  plan = Ok(plans().Agree(actor, c.id, Agreement(), plan.revision, origin_));
  std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find(kCanaryGoal), std::string::npos);
  EXPECT_EQ(bytes.find(kCanaryEvidence), std::string::npos);
  // Status and dates are in the clear, as designed.
  EXPECT_NE(bytes.find(kReviewOn), std::string::npos);
  // And the plan still reads back.
  auto view = Ok(plans().Current(actor, c.id, origin_));
  EXPECT_EQ(view.current->plan.goals[0].text, goal.text);
}

WAYMARK_INSTANTIATE_DB_TEST(PlanCanaryTest);

}  // namespace
}  // namespace waymark::plans::testing
