#include "platform/db/sqlite/sqlite_database.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <vector>

#include "platform/db/connection_tx.hpp"
#include "platform/db/sqlite/sqlite_connection.hpp"

namespace waymark::db {

namespace {

using SqliteTx = ConnectionTx<SqliteConnection, BackendKind::kSqlite>;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const OpenOptions& options, struct stat identity)
      : path_(std::move(path)),
        options_(options),
        identity_(identity),
        writer_(
            std::make_unique<SqliteConnection>(path_, SqliteConnection::Role::kWriter, options_)) {}

  BackendKind Backend() const override { return BackendKind::kSqlite; }

  bool Ping() override {
    try {
      // An open descriptor keeps working after the file is deleted or replaced, so look at
      // the path itself, then read it through a fresh connection.
      struct stat now {};
      if (stat(path_.c_str(), &now) != 0) return false;
      if (now.st_dev != identity_.st_dev || now.st_ino != identity_.st_ino) return false;
      sqlite3* probe = nullptr;
      int rc = sqlite3_open_v2(path_.c_str(), &probe, SQLITE_OPEN_READONLY, nullptr);
      if (rc == SQLITE_OK) {
        rc = sqlite3_exec(probe, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
      }
      sqlite3_close_v2(probe);
      return rc == SQLITE_OK;
    } catch (...) {
      return false;
    }
  }

  PoolStats Stats() const override {
    std::lock_guard lock(pool_mutex_);
    PoolStats s;
    s.max_connections = options_.pool_size + 1;
    s.open = static_cast<int>(readers_open_) + 1;
    s.in_use = readers_in_use_ + (writer_held_ ? 1 : 0);
    s.waits = waits_;
    s.timeouts = timeouts_;
    return s;
  }

  void RefreshStatistics() override {}  // see Database: no statistics on purpose

 protected:
  void RunTransaction(Mode mode, const std::function<bool(Tx&)>& body) override {
    if (mode == Mode::kWrite) {
      std::unique_lock lock(write_mutex_, std::defer_lock);
      if (!lock.try_lock()) {
        Count(waits_);
        if (!lock.try_lock_for(options_.acquire_timeout)) {
          Count(timeouts_);
          throw DatabaseUnavailable("no SQLite write slot became free in time");
        }
      }
      writer_held_ = true;
      struct Release {
        std::atomic<bool>& held;
        ~Release() { held = false; }
      } release{writer_held_};
      Transact(*writer_, "BEGIN IMMEDIATE", body);
    } else {
      std::unique_ptr<SqliteConnection> reader = AcquireReader();
      try {
        Transact(*reader, "BEGIN", body);
      } catch (...) {
        ReleaseReader(std::move(reader));
        throw;
      }
      ReleaseReader(std::move(reader));
    }
  }

 private:
  void Count(std::uint64_t& counter) {
    std::lock_guard lock(pool_mutex_);
    ++counter;
  }

  static void Transact(SqliteConnection& connection, const char* begin,
                       const std::function<bool(Tx&)>& body) {
    // A connection left inside a transaction by a failed ROLLBACK must not leak it into ours.
    if (connection.InTransaction()) connection.ExecuteScript("ROLLBACK");
    connection.ExecuteScript(begin);
    SqliteTx tx(connection);
    try {
      if (!body(tx)) {
        connection.ExecuteScript("ROLLBACK");
        return;
      }
      if (tx.spoiled() || !connection.InTransaction()) {
        throw DbError("the transaction was not committed because a statement in it failed");
      }
      connection.ExecuteScript("COMMIT");
    } catch (...) {
      if (connection.InTransaction()) {
        try {
          connection.ExecuteScript("ROLLBACK");
        } catch (const DbError&) {
          // The original failure matters more; the next transaction retries the rollback.
        }
      }
      throw;
    }
  }

  std::unique_ptr<SqliteConnection> AcquireReader() {
    std::unique_lock lock(pool_mutex_);
    auto available = [&] {
      return !idle_readers_.empty() || readers_open_ < static_cast<std::size_t>(options_.pool_size);
    };
    if (!available()) {
      ++waits_;
      if (!pool_changed_.wait_for(lock, options_.acquire_timeout, available)) {
        ++timeouts_;
        throw DatabaseUnavailable("no SQLite reader connection became free in time");
      }
    }
    ++readers_in_use_;
    if (!idle_readers_.empty()) {
      auto reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return reader;
    }
    ++readers_open_;
    lock.unlock();
    try {
      return std::make_unique<SqliteConnection>(path_, SqliteConnection::Role::kReader, options_);
    } catch (...) {
      lock.lock();
      --readers_open_;
      --readers_in_use_;
      pool_changed_.notify_one();
      throw;
    }
  }

  void ReleaseReader(std::unique_ptr<SqliteConnection> reader) {
    std::lock_guard lock(pool_mutex_);
    --readers_in_use_;
    idle_readers_.push_back(std::move(reader));
    pool_changed_.notify_one();
  }

  const std::string path_;
  const OpenOptions options_;
  const struct stat identity_;

  std::timed_mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;
  std::atomic<bool> writer_held_{false};

  mutable std::mutex pool_mutex_;
  std::condition_variable pool_changed_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
  std::size_t readers_open_ = 0;
  int readers_in_use_ = 0;
  std::uint64_t waits_ = 0;
  std::uint64_t timeouts_ = 0;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, const OpenOptions& options) {
  // Created here rather than by SQLite so that case records are never world-readable; SQLite
  // gives the -wal and -shm files the same mode.
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Fail(Problem::Unavailable("Cannot open the SQLite database " + path + ": " +
                                     std::strerror(errno)));
  }
  struct stat identity {};
  fstat(fd, &identity);
  close(fd);
  try {
    return std::make_unique<SqliteDatabase>(path, options, identity);
  } catch (const DbError& e) {
    return Fail(Problem::Unavailable(e.what()));
  }
}

}  // namespace waymark::db
