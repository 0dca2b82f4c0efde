// The SQL of tasks: each case's deadlines as the owning features keep them, and hand-made
// tasks (title encrypted with the organisation's data key). Every function runs inside the
// caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"
#include "tasks/model.hpp"

namespace waymark::tasks {

// Replaces the deadlines `source` ("nrm", "risk", "plan", "consent", ...) keeps for a case.
// Call it in the same transaction as the change that moved them.
void ReplaceDeadlines(db::Tx& tx, std::string_view case_id, std::string_view organisation_id,
                      std::string_view source, const std::vector<Deadline>& deadlines);

// One line of a task list before names are added: a deadline (task_id empty) or a hand-made
// task.
struct TaskRow {
  std::string case_id{};
  std::string case_reference{};
  std::string kind{};  // a deadline kind, or "manual"
  Date due_on{};
  std::string subject_id{};
  std::string task_id{};
  std::string title{};  // decrypted; manual tasks only
  std::string assigned_to{};
  int64_t version = 0;
};

// What a list asks for: deadlines of open cases due by `deadlines_due_by` (each kind's lead
// time is the caller's to apply) and every hand-made task still open.
struct TaskQuery {
  std::string organisation_id{};
  std::optional<std::string> case_id{};    // one case
  std::optional<std::string> worker_id{};  // cases assigned to, and tasks assigned to, this user
  std::optional<Date> deadlines_due_by{};
  bool titles = true;  // decrypt hand-made tasks' titles (the overview only counts them)
  int limit = 200;
};
std::vector<TaskRow> ListTaskRows(db::Tx& tx, const crypto::DataKey& key, const TaskQuery& query);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater); `key` must
// outlive Get.
db::Later<std::vector<TaskRow>> ListTaskRowsLater(db::Tx& tx, const crypto::DataKey& key,
                                                  const TaskQuery& query);
// A temporary key would be gone by Get.
db::Later<std::vector<TaskRow>> ListTaskRowsLater(db::Tx& tx, crypto::DataKey&& key,
                                                  const TaskQuery& query) = delete;

void InsertTask(db::Tx& tx, const crypto::DataKey& key, const TaskRow& task,
                std::string_view organisation_id, std::string_view by, TimePoint now);
std::optional<TaskRow> FindTask(db::Tx& tx, const crypto::DataKey& key, std::string_view task_id);
// Marks an open task done; false (and nothing written) when it is not at `expected_version`.
bool CompleteTask(db::Tx& tx, std::string_view task_id, int64_t expected_version,
                  std::string_view by, TimePoint now);

}  // namespace waymark::tasks
