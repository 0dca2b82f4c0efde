#include "platform/assets/assets.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace waymark::assets {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Assets, EveryManifestEntryIsEmbeddedByteForByte) {
  std::istringstream manifest(ReadFile(std::string(WAYMARK_WEB_DIST) + "/manifest.txt"));
  int count = 0;
  for (std::string logical, hashed; manifest >> logical >> hashed; ++count) {
    const Asset* asset = FindAsset(hashed);
    ASSERT_NE(asset, nullptr) << hashed;
    EXPECT_EQ(asset->logical_name, logical);
    EXPECT_EQ(asset->bytes, ReadFile(std::string(WAYMARK_WEB_DIST) + "/" + hashed)) << hashed;
    EXPECT_EQ(AssetUrl(logical), "/assets/" + hashed);
  }
  EXPECT_EQ(count, static_cast<int>(AllAssets().size()));
  EXPECT_GE(count, 4);
}

TEST(Assets, ContentTypes) {
  EXPECT_EQ(FindAsset(AssetUrl("waymark.css").substr(8))->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(FindAsset(AssetUrl("init.js").substr(8))->content_type,
            "text/javascript; charset=utf-8");
  EXPECT_EQ(FindAsset(AssetUrl("favicon.svg").substr(8))->content_type, "image/svg+xml");
}

TEST(Assets, InitModuleImportsTheHashedFrontendScript) {
  const Asset* init = FindAsset(AssetUrl("init.js").substr(kUrlPrefix.size()));
  const std::string frontend = AssetUrl("govuk-frontend.min.js").substr(kUrlPrefix.size());
  EXPECT_NE(init->bytes.find("\"./" + frontend + "\""), std::string_view::npos);
  EXPECT_NE(init->bytes.find("initAll()"), std::string_view::npos);
}

TEST(Assets, NoGovukFontOrCrown) {
  const Asset* css = FindAsset(AssetUrl("waymark.css").substr(kUrlPrefix.size()));
  EXPECT_EQ(css->bytes.find("GDS Transport"), std::string_view::npos);
  EXPECT_EQ(css->bytes.find("@font-face"), std::string_view::npos);
  EXPECT_NE(css->bytes.find("system-ui"), std::string_view::npos);
}

TEST(Assets, UnknownNames) {
  EXPECT_EQ(FindAsset("waymark.css"), nullptr);  // only hashed names are served
  EXPECT_EQ(FindAsset(""), nullptr);
  EXPECT_EQ(FindAsset("../manifest.txt"), nullptr);
  EXPECT_THROW(AssetUrl("nope.css"), std::invalid_argument);
}

}  // namespace
}  // namespace waymark::assets
