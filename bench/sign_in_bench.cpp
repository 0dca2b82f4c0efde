// Per-call cost of the crypto on Waymark's hot paths, at production settings.
//
// Argon2id hash and verify use the default PasswordCost (64 MiB, t=3), as sign-in does; the
// two-thread runs show what both cores together manage, since the server lets two hashes run at
// once (identity::VerifyPasswordLimited). Sign-ins per second per core is about 1 / verify time.
// Field encryption and blind indexes are what reading and searching a record pay per field.
#include <benchmark/benchmark.h>

#include <string>

#include "platform/crypto/blind_index.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/crypto/field_cipher.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/crypto/passwords.hpp"

namespace {

using namespace waymark::crypto;

constexpr char kPassword[] = "correct horse battery staple 42";

const Keyring& TheKeyring() {
  static const Keyring keyring = Keyring::Generate();
  return keyring;
}

const DataKey& TheDataKey() {
  static const DataKey key = DataKey::Generate();
  return key;
}

void BM_Argon2idHash(benchmark::State& state) {
  const SecretBytes& pepper = TheKeyring().password_pepper();
  for (auto _ : state) {
    benchmark::DoNotOptimize(HashPassword(kPassword, pepper));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Argon2idHash)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(2);

void BM_Argon2idVerify(benchmark::State& state) {
  const SecretBytes& pepper = TheKeyring().password_pepper();
  static const std::string stored = HashPassword(kPassword, pepper);
  for (auto _ : state) {
    bool ok = VerifyPassword(stored, kPassword, pepper);
    if (!ok) {
      state.SkipWithError("VerifyPassword refused the right password");
      break;
    }
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Argon2idVerify)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(2);

// A 12-character value (a family name) and a 200-character one (a short note).
void BM_EncryptField(benchmark::State& state) {
  std::string plaintext(static_cast<std::size_t>(state.range(0)), 'x');
  FieldContext context{"people", "family_name", "0123456789abcdef0123456789abcdef"};
  for (auto _ : state) {
    benchmark::DoNotOptimize(EncryptField(TheDataKey(), plaintext, context));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncryptField)->Arg(12)->Arg(200);

void BM_DecryptField(benchmark::State& state) {
  std::string plaintext(static_cast<std::size_t>(state.range(0)), 'x');
  FieldContext context{"people", "family_name", "0123456789abcdef0123456789abcdef"};
  Bytes blob = EncryptField(TheDataKey(), plaintext, context);
  for (auto _ : state) {
    auto opened = DecryptField(TheDataKey(), blob, context);
    if (!opened) {
      state.SkipWithError("DecryptField refused its own ciphertext");
      break;
    }
    benchmark::DoNotOptimize(opened);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecryptField)->Arg(12)->Arg(200);

// Includes the ICU normalisation (NFKC_Casefold) that every index computation starts with.
void BM_BlindIndex(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(BlindIndex(TheDataKey(), "person.family_name", "  Émile DUPONT ", 20));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BlindIndex);

}  // namespace

BENCHMARK_MAIN();
