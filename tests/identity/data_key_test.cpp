// An organisation's data key read inside another statement (NewestDataKeyJoin) must be the key
// LoadDataKey loads: the newest, and one row however many keys there are.
#include <gtest/gtest.h>

#include "identity/organisations.hpp"
#include "platform/util/time.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

class DataKeyTest : public IdentityTest {};

TEST_P(DataKeyTest, TheJoinedKeyIsTheNewestAsLoadDataKeyFindsIt) {
  Organisation org = AddOrganisation("Harbour House", OrgKind::kProvider);
  auto joined = [&] {
    return db().Read([&](db::Tx& tx) {
      auto row =
          tx.QueryOne("SELECT o.id, " + std::string(kDataKeyColumns) + " FROM organisations o" +
                          NewestDataKeyJoin("o.id") + " WHERE o.id = ?",
                      {org.id});
      EXPECT_TRUE(row.has_value());
      auto key = DataKeyFromRow(keyring(), org.id, *row, 1);
      EXPECT_TRUE(key) << key.error().message;
      return key->id();
    });
  };
  auto loaded = [&] {
    return db().Read([&](db::Tx& tx) { return LoadDataKey(tx, keyring(), org.id)->id(); });
  };
  std::string first = loaded();
  EXPECT_EQ(joined(), first);

  // A newer key (as a rotation would add): both now read it, and the join still gives one row.
  crypto::WrappedKey newer = crypto::WrapNewDataKey(keyring(), org.id);
  db().Write([&](db::Tx& tx) {
    tx.Execute(
        "INSERT INTO organisation_keys (organisation_id, key_id, kek_id, wrapped, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {org.id, newer.key_id, newer.kek_id, db::Blob(newer.blob.begin(), newer.blob.end()),
         waymark::FormatUtc(clock_.Now() + std::chrono::hours(1))});
  });
  EXPECT_EQ(loaded(), newer.key_id);
  EXPECT_EQ(joined(), newer.key_id);
  EXPECT_NE(first, newer.key_id);

  // Without a key the row still comes back, and the key is refused rather than guessed.
  Organisation other = AddOrganisation("Second House", OrgKind::kProvider);
  db().Write([&](db::Tx& tx) {
    tx.Execute("DELETE FROM organisation_keys WHERE organisation_id = ?", {other.id});
  });
  auto missing = db().Read([&](db::Tx& tx) {
    auto row =
        tx.QueryOne("SELECT o.id, " + std::string(kDataKeyColumns) + " FROM organisations o" +
                        NewestDataKeyJoin("o.id") + " WHERE o.id = ?",
                    {other.id});
    return DataKeyFromRow(keyring(), other.id, *row, 1);
  });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ProblemKind::kNotFound);
}

WAYMARK_INSTANTIATE_DB_TEST(DataKeyTest);

}  // namespace
}  // namespace waymark::identity::testing
