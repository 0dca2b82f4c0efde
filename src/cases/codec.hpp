// The stored form of a case's details: JSON documents (the personal one is then encrypted by
// the store). Decoding is strict about types but tolerant of missing keys, so documents written
// by an older version still read.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "cases/model.hpp"

namespace waymark::cases {

std::string EncodePersonal(const PersonalDetails& personal);
Result<PersonalDetails> DecodePersonal(std::string_view json);

std::string EncodeClear(const ClearDetails& clear);
Result<ClearDetails> DecodeClear(std::string_view json);

// Comma-separated codes as stored in the cases table ("AL,VN").
std::string JoinCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitStoredCodes(std::string_view text);

}  // namespace waymark::cases
