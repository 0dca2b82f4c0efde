// The canary: a distinctive name and address stored in a case must never appear in the stored
// bytes: the SQLite database file and its WAL, or (on PostgreSQL) any row of any table as text.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/cases/case_fixture.hpp"

namespace waymark::cases::testing {
namespace {

constexpr std::string_view kCanaryName = "Quillonbrecht";
constexpr std::string_view kCanaryAddress = "77 Xylophage Crescent";

class CaseCanaryTest : public CaseTest {
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
    EXPECT_NE(all.find("case.create"), std::string::npos) << "the tables were not read";
    return all;
  }
};

TEST_P(CaseCanaryTest, ACanaryNameAndAddressNeverReachTheStoredBytes) {
  CaseInput in = Amina();
  in.family_name = std::string(kCanaryName);
  in.other_names = std::string(kCanaryName) + " Senior";
  in.address = std::string(kCanaryAddress);
  auto created = service().Create(ActorFor(worker_), in, origin_);
  ASSERT_TRUE(created) << created.error().message;
  CaseInput changed = in;
  changed.safe_contact_times = "Only " + std::string(kCanaryName) + " knows";
  ASSERT_TRUE(service().Update(ActorFor(worker_), created->id, changed, 1, origin_));
  ASSERT_TRUE(service().Search(ActorFor(worker_), {std::string(kCanaryName)}, origin_));
  std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find(kCanaryName), std::string::npos);
  EXPECT_EQ(bytes.find(kCanaryAddress), std::string::npos);
  EXPECT_EQ(bytes.find("Xylophage"), std::string::npos);
  // The non-identifying fields are in the clear, as designed.
  EXPECT_NE(bytes.find("sqi"), std::string::npos);
}

WAYMARK_INSTANTIATE_DB_TEST(CaseCanaryTest);

}  // namespace
}  // namespace waymark::cases::testing
