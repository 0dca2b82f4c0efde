#include <gtest/gtest.h>

#include "platform/http/forms.hpp"
#include "platform/http/request.hpp"
#include "platform/http/text.hpp"

namespace waymark::http {
namespace {

TEST(Forms, DecodesInOrderKeepingRepeats) {
  auto form = ParseUrlencoded("name=Ann+Smith&need=housing&need=legal&city=M%C3%BCnster&flag");
  ASSERT_TRUE(form) << form.error().message;
  EXPECT_EQ(form->Get("name"), "Ann Smith");
  EXPECT_EQ(form->GetAll("need"), (std::vector<std::string_view>{"housing", "legal"}));
  EXPECT_EQ(form->Get("city"), "M\xC3\xBCnster");
  EXPECT_EQ(form->Get("flag"), "");
  EXPECT_FALSE(form->Has("missing"));
  EXPECT_EQ(form->GetOr("missing", "dflt"), "dflt");
  ASSERT_EQ(form->size(), 5u);
  EXPECT_EQ(form->fields()[2].second, "legal");
}

TEST(Forms, EmptyAndSkippedPairs) {
  auto empty = ParseUrlencoded("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto sparse = ParseUrlencoded("&&a=1&&");
  ASSERT_TRUE(sparse);
  EXPECT_EQ(sparse->size(), 1u);
  auto plus = ParseUrlencoded("a=%2B1%3D2%26");
  ASSERT_TRUE(plus);
  EXPECT_EQ(plus->Get("a"), "+1=2&");
}

TEST(Forms, RefusesBadEncoding) {
  for (std::string_view bad :
       {"a=%", "a=%4", "a=%zz", "%g1=x", "a=%C3%28", "a=%00", "a=%ED%A0%80", "a=%C0%AF", "a=%1B"}) {
    auto form = ParseUrlencoded(bad);
    ASSERT_FALSE(form) << bad;
    EXPECT_EQ(form.error().kind, ProblemKind::kInvalid);
    EXPECT_EQ(form.error().fields.at(0).field, "form");
  }
  EXPECT_TRUE(ParseUrlencoded("notes=line1%0D%0Aline2%09tab"));
}

TEST(Forms, EnforcesLimits) {
  FormLimits limits{.max_fields = 3, .max_field_bytes = 5};
  EXPECT_TRUE(ParseUrlencoded("a=1&b=2&c=3", limits));
  auto many = ParseUrlencoded("a=1&b=2&c=3&d=4", limits);
  ASSERT_FALSE(many);
  EXPECT_NE(many.error().message.find("too many fields"), std::string::npos);
  EXPECT_TRUE(ParseUrlencoded("a=12345", limits));
  auto long_value = ParseUrlencoded("a=123456", limits);
  ASSERT_FALSE(long_value);
  EXPECT_NE(long_value.error().message.find("too long"), std::string::npos);
  EXPECT_FALSE(ParseUrlencoded("abcdef=1", limits));
  // Encoded size is bounded too, before any decoding work.
  EXPECT_FALSE(ParseUrlencoded("a=" + std::string(100, 'x'), limits));
}

TEST(Target, DecodesAndValidatesThePath) {
  auto t = ParseTarget("/cases/caf%C3%A9/notes?sort=date&q=a+b");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->path, "/cases/caf\xC3\xA9/notes");
  EXPECT_EQ(t->raw_query, "sort=date&q=a+b");
  EXPECT_EQ(t->query.Get("q"), "a b");
  auto root = ParseTarget("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->path, "/");
  auto trailing = ParseTarget("/cases/");
  ASSERT_TRUE(trailing);
  EXPECT_EQ(trailing->path, "/cases/");
}

TEST(Target, RefusesDangerousPaths) {
  for (std::string_view bad :
       {"", "*", "cases", "http://example.com/a", "/a/../b", "/a/%2e%2e/b", "/a/./b", "/%2E",
        "/a%2Fb", "/a//b", "/a%00", "/a%0a", "/a%ff", "/a b", "/a?q=%zz", "/a#frag"}) {
    EXPECT_FALSE(ParseTarget(bad)) << bad;
  }
}

TEST(Target, QueryLimitsApply) {
  EXPECT_FALSE(ParseTarget("/a?x=1&y=2", FormLimits{.max_fields = 1}));
}

TEST(RequestForm, NeedsTheFormContentType) {
  Request req;
  req.body = "a=1";
  EXPECT_FALSE(req.Form());
  req.headers.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
  auto form = req.Form();
  ASSERT_TRUE(form);
  EXPECT_EQ(form->Get("a"), "1");
  req.headers.Set("Content-Type", "multipart/form-data; boundary=x");
  EXPECT_FALSE(req.Form());
}

TEST(RequestCookies, JoinsEveryCookieHeader) {
  Request req;
  req.headers.Add("Cookie", "a=1");
  req.headers.Add("Cookie", "b=2");
  EXPECT_EQ(req.Cookies().Get("b"), "2");
}

TEST(Text, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("plain \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

}  // namespace
}  // namespace waymark::http
