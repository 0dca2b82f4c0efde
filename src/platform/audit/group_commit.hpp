// Durable audit of reads without a write transaction per read. A read (opening a case, a list, a
// search) runs in a read transaction, then hands its audit events to GroupCommit::Append, which
// returns only once they are committed: the read is never answered unaudited. Callers that
// arrive while a commit is under way wait and go together into the next one, so under load one
// write transaction and one fsync carry the events of many reads (group commit), and reads no
// longer queue one by one for SQLite's single writer.
//
// The events of one call are appended in order and in one transaction; events of different
// callers in the same commit are ordered by arrival. No thread of its own: the first waiting
// caller commits for everyone waiting.
// Thread safety: Append may be called from any number of threads at once. It must not be called
// inside a transaction of the same Database on the same thread (it opens one).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "platform/audit/audit_log.hpp"
#include "platform/db/database.hpp"

namespace waymark::audit {

class GroupCommit {
 public:
  // `db` and `log` must outlive the GroupCommit.
  GroupCommit(db::Database& db, const AuditLog& log) : db_(db), log_(log) {}

  // Appends `events` and returns once they are durable. Throws what the write threw (for
  // example db::DatabaseUnavailable), in every caller whose events were in the failed commit.
  void Append(std::vector<Event> events);

  // Commits made and the events they carried; events in the commit under way, and events
  // waiting for the next one.
  struct Stats {
    std::uint64_t commits = 0;
    std::uint64_t events = 0;
    std::uint64_t committing = 0;
    std::uint64_t waiting = 0;
  };
  Stats stats() const;

 private:
  struct Batch {
    std::vector<Event> events;
    bool done = false;
    std::exception_ptr error;
    std::condition_variable changed;  // done, or a commit ended and this batch may go next
  };

  db::Database& db_;
  const AuditLog& log_;
  mutable std::mutex mutex_;
  std::shared_ptr<Batch> open_;        // collecting events for the next commit
  std::shared_ptr<Batch> committing_;  // being committed, or null
  Stats stats_;
};

}  // namespace waymark::audit
