#include "platform/assets/assets.hpp"

#include <stdexcept>

#include "platform/assets/assets_generated.hpp"

namespace waymark::assets {

std::span<const Asset> AllAssets() { return generated::Table(); }

const Asset* FindAsset(std::string_view hashed_name) {
  for (const auto& a : AllAssets()) {
    if (a.name == hashed_name) return &a;
  }
  return nullptr;
}

std::string AssetUrl(std::string_view logical_name) {
  for (const auto& a : AllAssets()) {
    if (a.logical_name == logical_name) return std::string(kUrlPrefix) + std::string(a.name);
  }
  throw std::invalid_argument("unknown asset: " + std::string(logical_name));
}

}  // namespace waymark::assets
