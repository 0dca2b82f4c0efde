// The stored side of sign-in throttling (rules in throttle.hpp): failure counts per account and
// per client address, shared by every check of a secret (password, security code, recovery
// code, the current password when changing it). Functions taking a Tx run in the caller's
// transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "identity/throttle.hpp"
#include "platform/db/database.hpp"
#include "platform/util/problem.hpp"

namespace waymark::identity {

// Keys hold no personal data: an account's is a hash of its normalised email address.
std::string AccountKey(std::string_view email);
std::string AddressKey(std::string_view address);
// Wrong security and recovery codes count apart from passwords, so that knowing the password
// (whose success clears its own count) never resets the guessing of the second factor.
std::string SecondFactorKey(std::string_view user_id);

// When `key` may try again, if it is blocked at `now`.
std::optional<TimePoint> BlockedUntil(db::Tx& tx, const std::string& key, TimePoint now);
void RecordFailure(db::Tx& tx, const std::string& key, const ThrottleRule& rule, TimePoint now);
void ClearFailures(db::Tx& tx, const std::string& key);

// Checks both keys in a read transaction: the later time, if either blocks now.
std::optional<TimePoint> CheckThrottles(db::Database& db, const std::string& account_key,
                                        const std::string& address_key, TimePoint now);

// "There have been too many attempts ... Wait N minutes", as a TooManyRequests problem.
Problem Throttled(TimePoint until, TimePoint now);

}  // namespace waymark::identity
