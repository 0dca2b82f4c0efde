#include "cases/codec.hpp"

#include <gtest/gtest.h>

namespace waymark::cases {
namespace {

using namespace std::chrono;

TEST(CaseCodec, PersonalDetailsRoundTrip) {
  PersonalDetails p;
  p.given_names = "Émile \"Mimi\"";
  p.family_name = "Dupont";
  p.other_names = {"E. D.", "Mimi"};
  p.date_of_birth = sys_days(1990y / March / 3);
  p.address = "1 Rue\nTown";
  auto back = DecodePersonal(EncodePersonal(p));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, p);
  p.date_of_birth.reset();
  p.estimated_age = 40;
  EXPECT_EQ(*DecodePersonal(EncodePersonal(p)), p);
}

TEST(CaseCodec, ClearDetailsRoundTrip) {
  ClearDetails c{"Feminine", "25-34", {"AL", "VN"}, {"sqi"}, "Gheg", true, "female"};
  auto back = DecodeClear(EncodeClear(c));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, c);
}

TEST(CaseCodec, DamagedDocumentsAreRefusedWithoutEchoingThem) {
  for (std::string bad : {"", "[]", "{\"given_names\": 5}", "{\"date_of_birth\": \"1990-02-30\"}",
                          "{\"other_names\": \"secret\"}"}) {
    auto decoded = DecodePersonal(bad);
    ASSERT_FALSE(decoded) << bad;
    EXPECT_EQ(decoded.error().message.find("secret"), std::string::npos);
  }
  EXPECT_TRUE(DecodePersonal("{}"));  // older documents may lack keys
}

TEST(CaseCodec, StoredCodeListsRoundTrip) {
  EXPECT_EQ(JoinCodes({"AL", "VN"}), "AL,VN");
  EXPECT_EQ(SplitStoredCodes("AL,VN"), (std::vector<std::string>{"AL", "VN"}));
  EXPECT_TRUE(SplitStoredCodes("").empty());
}

}  // namespace
}  // namespace waymark::cases
