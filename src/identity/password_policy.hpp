// What makes a new password acceptable: length and a check against common passwords, following
// NCSC and NIST SP 800-63B guidance. No composition rules, no expiry; paste is allowed.
#pragma once

#include <string_view>

#include "platform/util/problem.hpp"

namespace waymark::identity {

inline constexpr size_t kMinPasswordLength = 12;  // characters, not bytes
inline constexpr size_t kMaxPasswordBytes =
    1024;  // bounds the hashing work an attacker can ask for

// Ok, or an Invalid problem on field `field` with a message for the person choosing it.
Result<void> CheckNewPassword(std::string_view password, std::string_view email,
                              std::string_view field = "password");

// True when the password is, or is built from, a well-known password: the list compiled into the
// binary, compared case-insensitively after removing trailing digits and symbols ("Password2024!"
// is "password"), and repeats of a listed word ("passwordpassword").
bool IsCommonPassword(std::string_view password);

}  // namespace waymark::identity
