#include "platform/html/inline_script.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "platform/html/govuk/page.hpp"

namespace waymark::html {
namespace {

std::vector<std::string> InlineScriptsIn(const std::string& html) {
  std::vector<std::string> scripts;
  std::regex script("<script([^>]*)>([\\s\\S]*?)</script>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), script);
       it != std::sregex_iterator(); ++it) {
    if ((*it)[1].str().find("src=") == std::string::npos) scripts.push_back((*it)[2].str());
  }
  return scripts;
}

TEST(InlineScript, CspHashesCoverExactlyTheScriptsAPageEmits) {
  const std::string page = govuk::RenderPage({.title = "Test"});
  const auto scripts = InlineScriptsIn(page);
  ASSERT_EQ(scripts.size(), 1u);
  std::vector<std::string> hashes;
  for (const auto& s : scripts) hashes.push_back(CspSha256(s));
  EXPECT_EQ(hashes, InlineScriptCspHashes());
}

TEST(InlineScript, HashIsStandardSha256Base64) {
  // Known answer: sha256("") in base64.
  EXPECT_EQ(CspSha256(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
}

TEST(InlineScript, MatchesGovukFrontendTemplate) {
  const std::string path = std::string(WAYMARK_GOVUK_DIR) + "/template.njk";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path << ": run scripts/install-deps";
  std::stringstream s;
  s << in.rdbuf();
  const std::string njk = s.str();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(njk, m, std::regex("<script[^>]*>([^<]*)</script>")));
  EXPECT_EQ(m[1].str(), std::string(kBodyClassScript.view()));
}

}  // namespace
}  // namespace waymark::html
