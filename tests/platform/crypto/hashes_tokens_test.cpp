#include <gtest/gtest.h>

#include "platform/crypto/hashes.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/crypto/tokens.hpp"

namespace waymark::crypto {
namespace {

TEST(Hashes, MatchKnownVectors) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Blake2bHex(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(Blake2bHex("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST(Hashes, MacDependsOnKeyAndMessage) {
  SecretBytes key = SecretBytes::Random(32);
  SecretBytes other = SecretBytes::Random(32);
  std::string mac = MacHex(key, "event 1");
  EXPECT_EQ(mac.size(), 64u);
  EXPECT_EQ(mac, MacHex(key, "event 1"));
  EXPECT_NE(mac, MacHex(other, "event 1"));
  EXPECT_NE(mac, MacHex(key, "event 2"));
  EXPECT_NE(mac, Blake2bHex("event 1"));
  EXPECT_THROW(MacHex(SecretBytes(8), "x"), std::invalid_argument);
}

TEST(Signatures, MatchRfc8032TestVector1) {
  auto seed_bytes = FromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  SecretBytes seed(*seed_bytes);
  Bytes signature = Sign(seed, "");
  EXPECT_EQ(ToHex(signature),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac"
            "c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  auto public_key =
      FromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").value();
  EXPECT_TRUE(VerifySignature(public_key, "", signature));
}

TEST(Signatures, AuditAnchorSignsAndRefusesForgeries) {
  Keyring keyring = Keyring::Generate();
  Bytes public_key = keyring.audit_public_key();
  Bytes signature = Sign(keyring.audit_signing_seed(), "head=abc;n=42");
  EXPECT_TRUE(VerifySignature(public_key, "head=abc;n=42", signature));
  EXPECT_FALSE(VerifySignature(public_key, "head=abc;n=43", signature));
  Bytes tampered = signature;
  tampered[0] ^= 1;
  EXPECT_FALSE(VerifySignature(public_key, "head=abc;n=42", tampered));
  EXPECT_FALSE(VerifySignature(Keyring::Generate().audit_public_key(), "head=abc;n=42", signature));
  EXPECT_FALSE(VerifySignature(public_key, "head=abc;n=42", Bytes(10)));
  EXPECT_THROW(Sign(SecretBytes(31), "x"), std::invalid_argument);
}

TEST(Tokens, AreLongRandomAndUrlSafe) {
  std::string a = NewToken();
  std::string b = NewToken();
  EXPECT_EQ(a.size(), 43u);  // 256 bits in base64url without padding
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(Tokens, HashIsStableHexAndDistinct) {
  std::string token = NewToken();
  std::string hash = HashToken(token);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, HashToken(token));
  EXPECT_NE(hash, HashToken(NewToken()));
  EXPECT_TRUE(ConstantTimeEqual(hash, HashToken(token)));
  EXPECT_FALSE(ConstantTimeEqual(hash, HashToken(token + "x")));
}

}  // namespace
}  // namespace waymark::crypto
