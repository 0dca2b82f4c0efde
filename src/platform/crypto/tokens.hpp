// Bearer secrets (session tokens, API tokens, CSRF tokens, password reset links).
// Only HashToken(token) is stored, so a copy of the database does not hold usable tokens.
// Compare secrets with ConstantTimeEqual (secret_bytes.hpp).
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "platform/crypto/secret_bytes.hpp"

namespace waymark::crypto {

// 256 random bits as base64url without padding (43 characters), safe in cookies and URLs.
std::string NewToken();

// Unkeyed BLAKE2b-256 of the token, 64 lowercase hex characters. A token has 256 bits of entropy,
// so a fast unkeyed hash is enough: there is nothing to guess offline.
std::string HashToken(std::string_view token);

}  // namespace waymark::crypto
