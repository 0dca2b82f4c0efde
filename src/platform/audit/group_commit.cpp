#include "platform/audit/group_commit.hpp"

#include <iterator>

namespace waymark::audit {

void GroupCommit::Append(std::vector<Event> events) {
  if (events.empty()) return;
  std::unique_lock lock(mutex_);
  if (!open_) open_ = std::make_shared<Batch>();
  std::shared_ptr<Batch> mine = open_;
  mine->events.insert(mine->events.end(), std::make_move_iterator(events.begin()),
                      std::make_move_iterator(events.end()));
  while (!mine->done) {
    if (committing_) {
      mine->changed.wait(lock);
      continue;
    }
    // Nobody is committing, so `mine` is still the open batch: commit it for everyone in it.
    std::shared_ptr<Batch> batch = std::move(open_);
    open_.reset();
    committing_ = batch;
    lock.unlock();
    std::exception_ptr error;
    try {
      db_.Write([&](db::Tx& tx) { log_.AppendAll(tx, batch->events); });
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    batch->error = error;
    batch->done = true;
    committing_.reset();
    if (!error) {
      ++stats_.commits;
      stats_.events += batch->events.size();
    }
    // Wake only who needs to run: the callers of this batch, and one caller of the next batch to
    // commit it. Waking every waiter put the rest straight back to sleep at a cost per commit.
    batch->changed.notify_all();
    if (open_) open_->changed.notify_one();
  }
  if (mine->error) std::rethrow_exception(mine->error);
}

GroupCommit::Stats GroupCommit::stats() const {
  std::lock_guard lock(mutex_);
  Stats stats = stats_;
  if (committing_) stats.committing = committing_->events.size();
  if (open_) stats.waiting = open_->events.size();
  return stats;
}

}  // namespace waymark::audit
