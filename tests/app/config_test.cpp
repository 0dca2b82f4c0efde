#include "app/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace waymark::app {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> values) {
  return [values](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

std::string WriteFile(const std::string& text) {
  auto path =
      std::filesystem::temp_directory_path() /
      ("waymark-config-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(Config, DefaultsWhenNothingIsGiven) {
  auto config = LoadConfig({}, FakeEnv({}));
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->listen, "127.0.0.1:8080");
  EXPECT_EQ(config->database, "sqlite:var/waymark.db");
  EXPECT_EQ(config->session_idle_minutes, 15);
  EXPECT_FALSE(config->demo);
}

TEST(Config, CommandLineBeatsEnvironmentBeatsFile) {
  std::string file = WriteFile("listen = \"127.0.0.1:9001\"\nworkers = 3\ndemo = true\n");
  auto config =
      LoadConfig({{"config", file}, {"listen", "127.0.0.1:9003"}},
                 FakeEnv({{"WAYMARK_LISTEN", "127.0.0.1:9002"}, {"WAYMARK_WORKERS", "5"}}));
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->listen, "127.0.0.1:9003");
  EXPECT_EQ(config->workers, 5);
  EXPECT_TRUE(config->demo);
}

TEST(Config, FileCanBeNamedByTheEnvironment) {
  std::string file = WriteFile("database = \"postgresql:///waymark\"\n");
  auto config = LoadConfig({}, FakeEnv({{"WAYMARK_CONFIG", file}}));
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->database, "postgresql:///waymark");
}

TEST(Config, BadValuesNameTheirSource) {
  auto bad_env = LoadConfig({}, FakeEnv({{"WAYMARK_WORKERS", "many"}}));
  ASSERT_FALSE(bad_env);
  EXPECT_NE(bad_env.error().message.find("WAYMARK_WORKERS"), std::string::npos);

  auto bad_db = LoadConfig({{"database", "mysql://x"}}, FakeEnv({}));
  ASSERT_FALSE(bad_db);
  EXPECT_NE(bad_db.error().message.find("command line"), std::string::npos);

  std::string unknown = WriteFile("colour = \"blue\"\n");
  auto bad_key = LoadConfig({{"config", unknown}}, FakeEnv({}));
  ASSERT_FALSE(bad_key);
  EXPECT_NE(bad_key.error().message.find("unknown setting colour"), std::string::npos);

  std::string broken = WriteFile("listen = \n");
  auto bad_toml = LoadConfig({{"config", broken}}, FakeEnv({}));
  ASSERT_FALSE(bad_toml);
  EXPECT_NE(bad_toml.error().message.find(broken), std::string::npos);

  auto missing = LoadConfig({{"config", "/nonexistent/waymark.toml"}}, FakeEnv({}));
  EXPECT_FALSE(missing);
}

TEST(Config, TrustProxyIsOffUnlessAskedFor) {
  auto plain = LoadConfig({}, FakeEnv({}));
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->trust_proxy);
  auto behind_nginx = LoadConfig({}, FakeEnv({{"WAYMARK_TRUST_PROXY", "true"}}));
  ASSERT_TRUE(behind_nginx) << behind_nginx.error().message;
  EXPECT_TRUE(behind_nginx->trust_proxy);
  EXPECT_FALSE(LoadConfig({}, FakeEnv({{"WAYMARK_TRUST_PROXY", "sometimes"}})));
}

TEST(Config, ListenAddresses) {
  auto v4 = ParseListenAddress("127.0.0.1:0");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 0);
  auto v6 = ParseListenAddress("[::1]:8080");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_FALSE(ParseListenAddress("localhost"));
  EXPECT_FALSE(ParseListenAddress("127.0.0.1:65536"));
  EXPECT_FALSE(ParseListenAddress("127.0.0.1:80x"));
}

}  // namespace
}  // namespace waymark::app

namespace waymark::app {
namespace {

// The README's configuration table and the code's list of settings must not drift apart.
TEST(Config, ReadmeDocumentsEverySetting) {
  std::ifstream readme(WAYMARK_README_PATH);
  ASSERT_TRUE(readme) << "cannot read " << WAYMARK_README_PATH;
  std::string text((std::istreambuf_iterator<char>(readme)), std::istreambuf_iterator<char>());
  for (const Setting& setting : Settings()) {
    std::string row = "| `" + std::string(setting.key) + "` | `" + std::string(setting.env) + "` |";
    EXPECT_NE(text.find(row), std::string::npos) << "README lacks a row starting " << row;
    if (!setting.flag.empty()) {
      EXPECT_NE(text.find("`" + std::string(setting.flag) + "`"), std::string::npos)
          << setting.flag;
    }
  }
}

}  // namespace
}  // namespace waymark::app
