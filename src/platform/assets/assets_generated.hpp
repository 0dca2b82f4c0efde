// Implemented by the .cpp that CMake generates from web/dist (embed_assets.cmake).
#pragma once

#include <span>

#include "platform/assets/assets.hpp"

namespace waymark::assets::generated {

std::span<const Asset> Table();

}  // namespace waymark::assets::generated
