// The web assets (web/dist/, built by web/build.sh) embedded in the binary at build time.
//
// Every asset is named by a hash of its content, so it can be served with a long-lived
// `Cache-Control: public, max-age=31536000, immutable`. All data is static and immutable:
// the functions are thread-safe and the returned pointers and views live forever.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace waymark::assets {

// URL path under which assets are served; an asset's URL is this plus its hashed name.
inline constexpr std::string_view kUrlPrefix = "/assets/";

struct Asset {
  std::string_view name;          // hashed file name, e.g. "waymark-1a2b3c4d5e6f.css"
  std::string_view logical_name;  // e.g. "waymark.css"
  std::string_view content_type;  // e.g. "text/css; charset=utf-8"
  std::string_view bytes;
};

// The asset with this hashed file name (the part of the URL after kUrlPrefix), or nullptr.
const Asset* FindAsset(std::string_view hashed_name);

// "/assets/<hashed name>" for a logical name such as "waymark.css". An unknown name is a
// programming error: throws std::invalid_argument.
std::string AssetUrl(std::string_view logical_name);

std::span<const Asset> AllAssets();

}  // namespace waymark::assets
