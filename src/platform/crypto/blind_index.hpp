// Blind indexes: searchable stand-ins for encrypted fields (a surname, a date of birth, an NRM
// reference), so the database can find candidate rows without holding the plaintext.
//
// BlindIndex is keyed BLAKE2b, under the data key's blind-index sub-key, of the purpose and the
// normalised value, truncated to `bits` bits. Truncation is deliberate: with 16-24 bits each index
// value is shared by many rows, so someone holding the database cannot tell which rows have equal
// values. Searches therefore return candidates; decrypt them and compare the real values.
// Indexes are per organisation (per data key): rotating a data key means recomputing them.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "platform/crypto/data_key.hpp"

namespace waymark::crypto {

// The search form of text: Unicode NFKC with case folding (ICU's NFKC_Casefold), leading and
// trailing whitespace removed and inner runs of whitespace made one space. Invalid UTF-8 bytes
// become U+FFFD. "  ÉMILE   dupont" and "émile Dupont" both give "émile dupont".
std::string NormaliseForSearch(std::string_view text);

// `purpose` names the index ("person.family_name"), so equal values under different purposes
// give unrelated indexes. `bits` must be 1..63 (throws std::invalid_argument otherwise); the result
// is in [0, 2^bits).
std::int64_t BlindIndex(const DataKey& key, std::string_view purpose, std::string_view value,
                        int bits);

}  // namespace waymark::crypto
