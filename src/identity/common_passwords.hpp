// The list of well-known passwords compiled into the binary, one per line, lower case.
// Generated at build time from John the Ripper's public-domain password.lst (Debian john-data).
#pragma once

#include <string_view>

namespace waymark::identity {

std::string_view CommonPasswordList();

}  // namespace waymark::identity
