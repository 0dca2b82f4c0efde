#include "plans/sfjbms05.hpp"

#include <gtest/gtest.h>

#include <set>

namespace waymark::plans {
namespace {

TEST(Sfjbms05, HasTwentyPointsNumberedInOrder) {
  auto points = Sfjbms05Points();
  ASSERT_EQ(points.size(), 20u);
  std::set<std::string_view> titles, prompts;
  for (size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].number, static_cast<int>(i + 1));
    EXPECT_FALSE(points[i].criterion.empty());
    EXPECT_TRUE(titles.insert(points[i].title).second) << points[i].title;
    EXPECT_TRUE(prompts.insert(points[i].prompt).second) << points[i].prompt;
  }
}

TEST(Sfjbms05, PointsSharingALineInTheDesignAreSeparate) {
  EXPECT_EQ(Sfjbms05Point(3)->criterion, "Confirm that identified immediate needs have been met");
  EXPECT_EQ(Sfjbms05Point(4)->criterion, "Meet outstanding immediate needs");
  EXPECT_EQ(Sfjbms05Point(9)->criterion, "Identify ongoing risks of harm");
  EXPECT_EQ(Sfjbms05Point(10)->criterion, "Confirm the person understands the risks of harm");
  EXPECT_EQ(Sfjbms05Point(19)->criterion, "Provide ongoing support");
  EXPECT_EQ(Sfjbms05Point(20)->criterion, "Keep complete and accurate records of support plans");
}

TEST(Sfjbms05, KeyPointsSayWhatTheStandardAsks) {
  EXPECT_EQ(Sfjbms05Point(kRightsInformationPoint)->title, "Information on rights");
  EXPECT_NE(Sfjbms05Point(5)->prompt.find("language and format"), std::string_view::npos);
  EXPECT_NE(Sfjbms05Point(7)->prompt.find("do not ask them to repeat it"), std::string_view::npos);
  EXPECT_NE(Sfjbms05Point(14)->criterion.find("agree"), std::string_view::npos);
  EXPECT_NE(Sfjbms05Point(18)->prompt.find("legal basis"), std::string_view::npos);
}

TEST(Sfjbms05, NoPointOutsideOneToTwenty) {
  EXPECT_FALSE(Sfjbms05Point(0));
  EXPECT_FALSE(Sfjbms05Point(21));
  EXPECT_FALSE(Sfjbms05Point(-5));
  EXPECT_EQ(Sfjbms05Point(1)->number, 1);
  EXPECT_EQ(Sfjbms05Point(20)->number, 20);
}

}  // namespace
}  // namespace waymark::plans
