// The key file: a TOML file outside the database that holds a Keyring (keyring.hpp).
//
//   format = 1
//   current_kek = "kek-3f2a..."
//   password_pepper = "<base64, 32 bytes>"
//   audit_mac_key = "<base64, 32 bytes>"
//   audit_signing_seed = "<base64, 32-byte Ed25519 seed>"
//   [[kek]]
//   id = "kek-3f2a..."
//   key = "<base64, 32 bytes>"
//
// The file must be a regular file with no permission bits for group or others (mode & 077 == 0);
// files are written 0400. Every failure is a Problem whose message names the file and says what
// an administrator should do.
// Thread safety: these functions touch only the named path; callers must not run two writers
// against one file at once.
#pragma once

#include <filesystem>

#include "platform/crypto/keyring.hpp"
#include "platform/util/problem.hpp"

namespace waymark::crypto {

// `waymark keys init`: generates a keyring and writes it to `path` (mode 0400). Never overwrites:
// fails if `path` exists. The file appears whole or not at all (written aside, then linked).
Result<Keyring> CreateKeyFile(const std::filesystem::path& path);

// Reads and checks a key file. Refuses a missing file, a file that is not a regular file, one
// readable or writable by group or others, bad TOML, a wrong format number, bad base64, wrong key
// lengths and a current_kek that names no KEK.
Result<Keyring> LoadKeyring(const std::filesystem::path& path);

// Replaces `path` atomically (write a temporary file beside it, fsync, rename, fsync the
// directory), keeping mode 0400. A crash leaves either the old file or the new one.
Result<void> SaveKeyring(const Keyring& keyring, const std::filesystem::path& path);

}  // namespace waymark::crypto
