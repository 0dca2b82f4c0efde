#include "platform/crypto/key_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include <toml++/toml.h>

namespace waymark::crypto {

namespace {

constexpr std::int64_t kFormat = 1;
constexpr off_t kMaxKeyFileSize = 1 << 20;  // a real key file is about 1 KiB per KEK

class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }
  // close() can report a deferred write error, so writers check it.
  bool Close() { return ::close(std::exchange(fd_, -1)) == 0; }

 private:
  int fd_;
};

std::string ErrnoText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

Problem FileProblem(const std::filesystem::path& path, std::string what) {
  return Problem{ProblemKind::kInvalid, "Key file " + path.string() + ": " + std::move(what), {}};
}

Problem IoProblem(const std::filesystem::path& path, std::string_view action, int error) {
  return Problem::Unavailable("Key file " + path.string() + ": could not " + std::string(action) +
                              " (" + ErrnoText(error) + ")");
}

std::string OctalMode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

// A std::string that is zeroed on destruction; capacity is reserved up front so appends do not
// reallocate and leave unzeroed copies behind.
class SecretText {
 public:
  explicit SecretText(std::size_t capacity) { text_.reserve(capacity); }
  SecretText(const SecretText&) = delete;
  SecretText& operator=(const SecretText&) = delete;
  ~SecretText() { sodium_memzero(text_.data(), text_.capacity()); }
  std::string& text() { return text_; }

 private:
  std::string text_;
};

void AppendSecret(SecretText& out, std::string_view name, const SecretBytes& secret) {
  std::string encoded = ToBase64(secret.span());
  out.text() += std::string(name) + " = \"" + encoded + "\"\n";
  sodium_memzero(encoded.data(), encoded.size());
}

void Serialise(const Keyring& keyring, SecretText& out) {
  out.text() +=
      "# Waymark key file, written by `waymark keys`. Keep it mode 0400, owned by the account\n"
      "# Waymark runs as, and back it up apart from the database: without it, encrypted fields\n"
      "# cannot be read and nobody can sign in.\n"
      "# Audit anchor public key (base64, not secret): " +
      ToBase64(keyring.audit_public_key()) + "\n";
  out.text() += "format = " + std::to_string(kFormat) + "\n";
  out.text() += "current_kek = \"" + keyring.current_kek_id() + "\"\n";
  AppendSecret(out, "password_pepper", keyring.password_pepper());
  AppendSecret(out, "audit_mac_key", keyring.audit_mac_key());
  AppendSecret(out, "audit_signing_seed", keyring.audit_signing_seed());
  for (const Kek& kek : keyring.keks()) {
    out.text() += "\n[[kek]]\nid = \"" + kek.id + "\"\n";
    AppendSecret(out, "key", kek.key);
  }
}

std::filesystem::path ParentOf(const std::filesystem::path& path) {
  auto parent = path.parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

Result<void> FsyncDirectory(const std::filesystem::path& dir) {
  UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.ok()) return Fail(IoProblem(dir, "open its directory", errno));
  if (::fsync(fd.get()) != 0) return Fail(IoProblem(dir, "flush its directory", errno));
  return {};
}

// Writes the keyring to a new temporary file beside `path` (mode 0400, fsynced) and returns its
// name. The caller renames or links it into place.
Result<std::filesystem::path> WriteTemporary(const Keyring& keyring,
                                             const std::filesystem::path& path) {
  std::array<std::uint8_t, 6> random;
  randombytes_buf(random.data(), random.size());
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + ToHex(random);

  SecretText text(4096 + 256 * keyring.keks().size());
  Serialise(keyring, text);

  UniqueFd fd(
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, S_IRUSR));
  if (!fd.ok()) return Fail(IoProblem(path, "create a temporary copy beside it", errno));
  auto fail = [&](std::string_view action) {
    int error = errno;
    ::unlink(temporary.c_str());
    return Fail(IoProblem(
        path, std::string(action) + " (temporary copy " + temporary.string() + ")", error));
  };
  // The umask can only remove bits, but be explicit: the mode is the contract.
  if (::fchmod(fd.get(), S_IRUSR) != 0) return fail("set its mode to 0400");
  std::string_view rest = text.text();
  while (!rest.empty()) {
    ssize_t written = ::write(fd.get(), rest.data(), rest.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return fail("write it");
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fsync(fd.get()) != 0) return fail("flush it to disk");
  if (!fd.Close()) return fail("close it");
  return temporary;
}

Result<SecretBytes> ReadKeyFile(const std::filesystem::path& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (!fd.ok()) {
    int error = errno;
    if (error == ENOENT) {
      return Fail(Problem::NotFound(
          "Key file " + path.string() +
          " does not exist. Create one with `waymark keys init`, or set the configured key "
          "file path to where the existing key file is."));
    }
    return Fail(IoProblem(path, "open it", error));
  }
  struct stat info;
  if (::fstat(fd.get(), &info) != 0) return Fail(IoProblem(path, "read its status", errno));
  if (!S_ISREG(info.st_mode)) return Fail(FileProblem(path, "is not a regular file"));
  if ((info.st_mode & 077) != 0) {
    return Fail(FileProblem(
        path, "has mode " + OctalMode(info.st_mode) +
                  ", so group or others may read or change it. Run `chmod 0400 " + path.string() +
                  "`; if anyone else could have read it, rotate the keys."));
  }
  if (info.st_size > kMaxKeyFileSize)
    return Fail(FileProblem(path, "is too large to be a key file"));
  SecretBytes content(static_cast<std::size_t>(info.st_size));
  std::size_t filled = 0;
  while (filled < content.size()) {
    ssize_t got = ::read(fd.get(), content.data() + filled, content.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Fail(IoProblem(path, "read it", errno));
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  if (filled != content.size()) return Fail(FileProblem(path, "changed while it was being read"));
  return content;
}

// Decodes a base64 secret held in the parsed table, then zeroes the table's copy of the text.
Result<SecretBytes> TakeSecret(toml::node_view<toml::node> node, std::string_view name,
                               const std::filesystem::path& path) {
  toml::value<std::string>* value = node.as_string();
  if (value == nullptr) {
    return Fail(FileProblem(path, std::string(name) + " is missing or is not a string"));
  }
  std::string& text = value->get();
  std::optional<SecretBytes> secret = SecretFromBase64(text);
  sodium_memzero(text.data(), text.size());
  if (!secret) return Fail(FileProblem(path, std::string(name) + " is not valid base64"));
  return std::move(*secret);
}

Result<Keyring> ParseKeyFile(std::string_view content, const std::filesystem::path& path) {
  toml::table table;
  try {
    table = toml::parse(content, path.string());
  } catch (const toml::parse_error& error) {
    return Fail(FileProblem(path, "is not valid TOML at line " +
                                      std::to_string(error.source().begin.line) + ": " +
                                      std::string(error.description())));
  }
  std::optional<std::int64_t> format = table["format"].value<std::int64_t>();
  if (format != kFormat) {
    return Fail(FileProblem(path, "format must be " + std::to_string(kFormat) +
                                      "; this file was not written by this version of Waymark"));
  }
  std::optional<std::string> current = table["current_kek"].value<std::string>();
  if (!current) return Fail(FileProblem(path, "current_kek is missing or is not a string"));

  auto pepper = TakeSecret(table["password_pepper"], "password_pepper", path);
  if (!pepper) return Fail(pepper.error());
  auto mac_key = TakeSecret(table["audit_mac_key"], "audit_mac_key", path);
  if (!mac_key) return Fail(mac_key.error());
  auto seed = TakeSecret(table["audit_signing_seed"], "audit_signing_seed", path);
  if (!seed) return Fail(seed.error());

  std::vector<Kek> keks;
  toml::array* kek_array = table["kek"].as_array();
  if (kek_array == nullptr) return Fail(FileProblem(path, "has no [[kek]] entries"));
  for (toml::node& entry : *kek_array) {
    toml::table* kek_table = entry.as_table();
    if (kek_table == nullptr) return Fail(FileProblem(path, "a kek entry is not a table"));
    std::optional<std::string> id = (*kek_table)["id"].value<std::string>();
    if (!id) return Fail(FileProblem(path, "a [[kek]] entry has no id"));
    auto key = TakeSecret((*kek_table)["key"], "key of kek \"" + *id + "\"", path);
    if (!key) return Fail(key.error());
    keks.push_back(Kek{std::move(*id), std::move(*key)});
  }
  auto keyring = Keyring::FromParts(std::move(keks), std::move(*current), std::move(*pepper),
                                    std::move(*mac_key), std::move(*seed));
  if (!keyring) return Fail(FileProblem(path, keyring.error().message));
  return keyring;
}

}  // namespace

Result<Keyring> CreateKeyFile(const std::filesystem::path& path) {
  Keyring keyring = Keyring::Generate();
  auto temporary = WriteTemporary(keyring, path);
  if (!temporary) return Fail(temporary.error());
  // link() fails if `path` exists, so an existing key file is never replaced, and readers see
  // either no file or a complete one.
  int linked = ::link(temporary->c_str(), path.c_str());
  int error = errno;
  ::unlink(temporary->c_str());
  if (linked != 0) {
    if (error == EEXIST) {
      return Fail(Problem::Conflict("Key file " + path.string() +
                                    " already exists; it was left untouched. Move it away first "
                                    "if you really mean to replace it: data encrypted under it "
                                    "would become unreadable."));
    }
    return Fail(IoProblem(path, "create it", error));
  }
  auto synced = FsyncDirectory(ParentOf(path));
  if (!synced) return Fail(synced.error());
  return keyring;
}

Result<Keyring> LoadKeyring(const std::filesystem::path& path) {
  auto content = ReadKeyFile(path);
  if (!content) return Fail(content.error());
  return ParseKeyFile(content->view(), path);
}

Result<void> SaveKeyring(const Keyring& keyring, const std::filesystem::path& path) {
  auto temporary = WriteTemporary(keyring, path);
  if (!temporary) return Fail(temporary.error());
  if (::rename(temporary->c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary->c_str());
    return Fail(IoProblem(path, "replace it", error));
  }
  return FsyncDirectory(ParentOf(path));
}

}  // namespace waymark::crypto
