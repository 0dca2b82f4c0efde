#include "platform/crypto/key_file.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "platform/util/ids.hpp"

namespace waymark::crypto {
namespace {

namespace fs = std::filesystem;

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("waymark-crypto-test-" + NewId());
    fs::create_directory(dir_);
    path_ = dir_ / "keys.toml";
  }
  void TearDown() override { fs::remove_all(dir_); }

  mode_t ModeOf(const fs::path& path) {
    struct stat info;
    EXPECT_EQ(::stat(path.c_str(), &info), 0);
    return info.st_mode & 07777;
  }

  std::string ReadAll(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  void Write(const fs::path& path, const std::string& text, fs::perms perms) {
    fs::remove(path);
    std::ofstream(path) << text;
    fs::permissions(path, perms);
  }

  // A valid key file with one line replaced (or appended when `from` is absent).
  std::string EditedKeyFile(const std::string& from, const std::string& to) {
    auto created = CreateKeyFile(path_);
    EXPECT_TRUE(created.has_value());
    std::string text = ReadAll(path_);
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    return text;
  }

  void ExpectRefused(const std::string& text, const std::string& message_part) {
    Write(path_, text, fs::perms::owner_read);
    auto loaded = LoadKeyring(path_);
    ASSERT_FALSE(loaded.has_value());
    EXPECT_NE(loaded.error().message.find(message_part), std::string::npos)
        << loaded.error().message;
    EXPECT_NE(loaded.error().message.find(path_.string()), std::string::npos);
  }

  fs::path dir_;
  fs::path path_;
};

TEST_F(KeyFileTest, CreateWritesMode0400AndLoadsBack) {
  auto created = CreateKeyFile(path_);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(ModeOf(path_), 0400u);
  auto loaded = LoadKeyring(path_);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  EXPECT_EQ(loaded->current_kek_id(), created->current_kek_id());
  EXPECT_EQ(loaded->current_kek().key.view(), created->current_kek().key.view());
  EXPECT_EQ(loaded->password_pepper().view(), created->password_pepper().view());
  EXPECT_EQ(loaded->audit_mac_key().view(), created->audit_mac_key().view());
  EXPECT_EQ(loaded->audit_signing_seed().view(), created->audit_signing_seed().view());
  EXPECT_EQ(loaded->audit_public_key(), created->audit_public_key());
  // No temporary files are left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(KeyFileTest, CreateNeverOverwrites) {
  ASSERT_TRUE(CreateKeyFile(path_).has_value());
  std::string before = ReadAll(path_);
  auto again = CreateKeyFile(path_);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(ReadAll(path_), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(KeyFileTest, CreateReportsAnUnwritableLocation) {
  fs::path nowhere = dir_ / "missing-dir" / "keys.toml";
  auto created = CreateKeyFile(nowhere);
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().kind, ProblemKind::kUnavailable);
  EXPECT_NE(created.error().message.find(nowhere.string()), std::string::npos);
  EXPECT_FALSE(SaveKeyring(Keyring::Generate(), nowhere).has_value());
}

TEST_F(KeyFileTest, RefusesMissingFile) {
  auto loaded = LoadKeyring(path_);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().kind, ProblemKind::kNotFound);
  EXPECT_NE(loaded.error().message.find("waymark keys init"), std::string::npos);
}

TEST_F(KeyFileTest, RefusesGroupOrOtherPermissionBits) {
  ASSERT_TRUE(CreateKeyFile(path_).has_value());
  // Tests run as root, which could read the file anyway: the check is on the mode bits.
  for (fs::perms extra : {fs::perms::group_read, fs::perms::others_read, fs::perms::group_write,
                          fs::perms::others_write, fs::perms::others_exec}) {
    fs::permissions(path_, fs::perms::owner_read | extra);
    auto loaded = LoadKeyring(path_);
    ASSERT_FALSE(loaded.has_value());
    EXPECT_NE(loaded.error().message.find("chmod 0400"), std::string::npos)
        << loaded.error().message;
  }
  fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_TRUE(LoadKeyring(path_).has_value());  // 0600 is acceptable
}

TEST_F(KeyFileTest, RefusesADirectory) {
  fs::create_directory(path_);
  fs::permissions(path_, fs::perms::owner_all);
  auto loaded = LoadKeyring(path_);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_NE(loaded.error().message.find("not a regular file"), std::string::npos);
}

TEST_F(KeyFileTest, RefusesBadToml) {
  ExpectRefused("format = 1\ncurrent_kek = \"unterminated\n", "not valid TOML at line 2");
}

TEST_F(KeyFileTest, RefusesWrongFormat) {
  ExpectRefused(EditedKeyFile("format = 1", "format = 2"), "format must be 1");
}

TEST_F(KeyFileTest, RefusesUnknownCurrentKek) {
  auto keyring = CreateKeyFile(path_);
  ASSERT_TRUE(keyring.has_value());
  std::string text = ReadAll(path_);
  std::string line = "current_kek = \"" + keyring->current_kek_id() + "\"";
  text.replace(text.find(line), line.size(), "current_kek = \"kek-missing\"");
  ExpectRefused(text, "current_kek \"kek-missing\" names no key-encryption key");
}

TEST_F(KeyFileTest, RefusesWrongKeyLength) {
  // 16 bytes of base64 where 32 are needed.
  std::string text =
      EditedKeyFile("audit_mac_key = \"", "audit_mac_key = \"AAAAAAAAAAAAAAAAAAAAAA==\"\n#");
  ExpectRefused(text, "audit_mac_key must be 32 bytes but is 16");
}

TEST_F(KeyFileTest, RefusesBadBase64) {
  ExpectRefused(EditedKeyFile("password_pepper = \"", "password_pepper = \"!!!!\"\n#"),
                "password_pepper is not valid base64");
}

TEST_F(KeyFileTest, RefusesMissingKeks) {
  std::string text = EditedKeyFile("[[kek]]", "[[other]]");
  ExpectRefused(text, "no [[kek]] entries");
}

TEST_F(KeyFileTest, RotationAddSaveRemoveKeepsMode) {
  auto keyring = CreateKeyFile(path_);
  ASSERT_TRUE(keyring.has_value());
  std::string old_id = keyring->current_kek_id();

  std::string new_id = keyring->AddKek();
  EXPECT_NE(new_id, old_id);
  ASSERT_TRUE(SaveKeyring(*keyring, path_).has_value());
  EXPECT_EQ(ModeOf(path_), 0400u);
  auto reloaded = LoadKeyring(path_);
  ASSERT_TRUE(reloaded.has_value()) << reloaded.error().message;
  EXPECT_EQ(reloaded->current_kek_id(), new_id);
  ASSERT_NE(reloaded->FindKek(old_id), nullptr);
  EXPECT_EQ(reloaded->keks().size(), 2u);

  auto refused = keyring->RemoveKek(new_id);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("current"), std::string::npos);
  EXPECT_FALSE(keyring->RemoveKek("kek-unknown").has_value());

  ASSERT_TRUE(keyring->RemoveKek(old_id).has_value());
  ASSERT_TRUE(SaveKeyring(*keyring, path_).has_value());
  EXPECT_EQ(ModeOf(path_), 0400u);
  reloaded = LoadKeyring(path_);
  ASSERT_TRUE(reloaded.has_value());
  EXPECT_EQ(reloaded->FindKek(old_id), nullptr);
  EXPECT_EQ(reloaded->keks().size(), 1u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST(Keyring, FromPartsRefusesBadParts) {
  auto parts = [](std::string id, std::size_t kek_size, std::string current) {
    std::vector<Kek> keks;
    keks.push_back(Kek{std::move(id), SecretBytes::Random(kek_size)});
    return Keyring::FromParts(std::move(keks), std::move(current), SecretBytes::Random(32),
                              SecretBytes::Random(32), SecretBytes::Random(32));
  };
  EXPECT_TRUE(parts("kek-1", 32, "kek-1").has_value());
  EXPECT_FALSE(parts("kek-1", 31, "kek-1").has_value());
  EXPECT_FALSE(parts("kek 1", 32, "kek 1").has_value());
  EXPECT_FALSE(parts("kek-1", 32, "kek-2").has_value());
  EXPECT_FALSE(Keyring::FromParts({}, "kek-1", SecretBytes::Random(32), SecretBytes::Random(32),
                                  SecretBytes::Random(32))
                   .has_value());
}

}  // namespace
}  // namespace waymark::crypto
