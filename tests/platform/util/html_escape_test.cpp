#include "platform/util/html_escape.hpp"

#include <gtest/gtest.h>

namespace waymark {
namespace {

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeHtml(R"(<a href="x" title='y'>&</a>)"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(EscapeHtml, LeavesOtherTextAlone) {
  EXPECT_EQ(EscapeHtml("Émile Dupont, 23 years"), "Émile Dupont, 23 years");
  EXPECT_EQ(EscapeHtml(""), "");
}

}  // namespace
}  // namespace waymark
