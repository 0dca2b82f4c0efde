// Password hashing: Argon2id (libsodium crypto_pwhash_argon2id_str) of a peppered pre-hash.
// Hashing takes about 64 MiB and tens to hundreds of milliseconds: call it on a worker thread,
// never on an I/O thread, and limit how many run at once (architecture.md: two).
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "platform/crypto/secret_bytes.hpp"

namespace waymark::crypto {

struct PasswordCost {
  unsigned long long opslimit = 3;          // Argon2 passes (t)
  std::size_t memlimit = 64 * 1024 * 1024;  // bytes (m = 64 MiB)
};

// The PHC string "$argon2id$v=19$m=65536,t=3,p=1$..." to store. `pepper` is
// Keyring::password_pepper(). Tests may pass a lower cost; production uses the default.
// Throws std::runtime_error if the memory cannot be had.
std::string HashPassword(std::string_view password, const SecretBytes& pepper,
                         PasswordCost cost = {});

// False for a wrong password, a wrong pepper or a malformed stored hash.
bool VerifyPassword(std::string_view stored_hash, std::string_view password,
                    const SecretBytes& pepper);

// True if `stored_hash` was made with other parameters than `cost` or another algorithm (or is
// malformed): after a successful VerifyPassword, hash the password again and store it.
bool PasswordNeedsRehash(std::string_view stored_hash, PasswordCost cost = {});

}  // namespace waymark::crypto
