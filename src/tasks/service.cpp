#include "tasks/service.hpp"

#include <algorithm>
#include <map>

#include "identity/users.hpp"
#include "platform/util/ids.hpp"

namespace waymark::tasks {

namespace {

using cases::CaseWork;
using cases::RunCaseRead;
using cases::RunCaseWork;
using identity::Action;
using identity::Actor;
using identity::Origin;

constexpr std::string_view kNoSuchTask = "There is no open task with that link on this case";
constexpr int kLongestLeadDays = 30;

// Adds the titles, the survivors' names (one decryption per case) and who the tasks are for;
// `lead_times` drops deadlines still further off than their kind's lead time.
std::vector<TaskItem> Describe(CaseWork& w, const crypto::DataKey& key, std::vector<TaskRow> rows,
                               bool lead_times) {
  std::vector<std::string> case_ids;
  for (const auto& row : rows) case_ids.push_back(row.case_id);
  std::sort(case_ids.begin(), case_ids.end());
  case_ids.erase(std::unique(case_ids.begin(), case_ids.end()), case_ids.end());
  std::map<std::string, cases::Case> records = cases::LoadCases(w.tx, key, case_ids);
  std::map<std::string, std::string> people;
  std::vector<TaskItem> items;
  for (auto& row : rows) {
    if (lead_times && row.task_id.empty() &&
        row.due_on > w.today + std::chrono::days(LeadDays(row.kind))) {
      continue;
    }
    TaskItem item;
    item.title = row.task_id.empty() ? std::string(DeadlineLabel(row.kind)) : row.title;
    item.urgency = UrgencyOf(row.due_on, w.today);
    if (auto record = records.find(row.case_id); record != records.end()) {
      item.person_name = record->second.personal.FullName();
    }
    if (!row.assigned_to.empty()) {
      auto [person, new_person] = people.try_emplace(row.assigned_to);
      if (new_person) {
        auto user = identity::FindUser(w.tx, row.assigned_to);
        person->second = user ? user->display_name : std::string("Unknown user");
      }
      item.assigned_name = person->second;
    }
    item.row = std::move(row);
    items.push_back(std::move(item));
  }
  return items;
}

// Whether `user_id` may be given a task on the case: an active assigned worker, or an active
// service manager of the provider.
bool MayTakeTask(db::Tx& tx, std::string_view case_id, std::string_view organisation_id,
                 std::string_view user_id) {
  auto user = identity::FindUser(tx, user_id);
  if (!user || !user->active || user->organisation_id != organisation_id) return false;
  if (user->role == identity::Role::kServiceManager) return true;
  return user->role == identity::Role::kSupportWorker && cases::IsAssigned(tx, case_id, user_id);
}

}  // namespace

Result<std::vector<TaskItem>> TaskService::MyTasks(const Actor& actor, const Origin& origin) {
  return RunCaseRead<std::vector<TaskItem>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<TaskItem>> {
        if (auto allowed = w.Require(Action::kCaseList); !allowed) return Fail(allowed.error());
        crypto::DataKey key = w.Key();
        TaskQuery query{.organisation_id = actor.organisation_id,
                        .worker_id = actor.user_id,
                        .deadlines_due_by = w.today + std::chrono::days(kLongestLeadDays)};
        auto items = Describe(w, key, ListTaskRows(w.tx, key, query), true);
        auto event = w.Event("task.list", "");
        event.details = {{"count", std::to_string(items.size())}};
        w.Audit(std::move(event));
        return items;
      });
}

Result<std::vector<TaskItem>> TaskService::TeamTasks(const Actor& actor,
                                                     std::optional<std::string> worker_id,
                                                     const Origin& origin) {
  return RunCaseRead<std::vector<TaskItem>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<TaskItem>> {
        if (auto allowed = w.Require(Action::kCaseAllocate); !allowed) {
          return Fail(allowed.error());
        }
        crypto::DataKey key = w.Key();
        TaskQuery query{.organisation_id = actor.organisation_id,
                        .worker_id = worker_id,
                        .deadlines_due_by = w.today + std::chrono::days(kLongestLeadDays),
                        .limit = 500};
        auto items = Describe(w, key, ListTaskRows(w.tx, key, query), true);
        auto event = w.Event("task.team_list", "");
        event.details = {{"count", std::to_string(items.size())}};
        if (worker_id) event.details.push_back({"worker", *worker_id});
        w.Audit(std::move(event));
        return items;
      });
}

Result<CaseTaskList> TaskService::CaseTasks(const Actor& actor, std::string_view case_id,
                                            const Origin& origin) {
  return RunCaseRead<CaseTaskList>(deps_, actor, origin, [&](CaseWork& w) -> Result<CaseTaskList> {
    auto found = w.Authorise(case_id, Action::kCaseView);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    auto record = cases::LoadCase(w.tx, key, found->header.id);
    if (!record) return Fail(Problem::NotFound(std::string(cases::kNoSuchCase)));
    CaseTaskList list{.case_id = record->id,
                      .reference = record->reference,
                      .person_name = record->personal.FullName()};
    TaskQuery query{.organisation_id = actor.organisation_id, .case_id = record->id};
    list.items = Describe(w, key, ListTaskRows(w.tx, key, query), false);
    list.can_change = found->access.can_edit && found->header.status == cases::CaseStatus::kOpen;
    if (list.can_change) {
      for (const auto& user : identity::ListUsers(w.tx, actor.organisation_id)) {
        if (MayTakeTask(w.tx, record->id, actor.organisation_id, user.id)) {
          list.assignable.push_back({user.id, user.display_name});
        }
      }
    }
    w.Audit(w.Event("task.case_list", record->id));
    return list;
  });
}

Result<TaskItem> TaskService::AddTask(const Actor& actor, std::string_view case_id,
                                      const TaskInput& input, const Origin& origin) {
  return RunCaseWork<TaskItem>(deps_, actor, origin, [&](CaseWork& w) -> Result<TaskItem> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    auto valid = ValidateTask(input, w.today);
    if (!valid) return Fail(valid.error());
    if (!MayTakeTask(w.tx, found->header.id, actor.organisation_id, valid->assigned_to)) {
      return Fail(Problem::Invalid("assigned_to",
                                   "Select someone assigned to this case, or a service manager"));
    }
    crypto::DataKey key = w.Key();
    TaskRow row{.case_id = found->header.id,
                .case_reference = found->header.reference,
                .kind = "manual",
                .due_on = valid->due_on,
                .task_id = NewId(),
                .title = valid->title,
                .assigned_to = valid->assigned_to,
                .version = 1};
    InsertTask(w.tx, key, row, actor.organisation_id, actor.user_id, w.now);
    auto event = w.Event("task.add", found->header.id);
    event.details = {{"task", row.task_id}, {"assigned_to", row.assigned_to}};
    w.Audit(std::move(event));
    auto items = Describe(w, key, {row}, false);
    return items.front();
  });
}

Result<void> TaskService::CompleteTask(const Actor& actor, std::string_view case_id,
                                       std::string_view task_id, int64_t expected_version,
                                       const Origin& origin) {
  return RunCaseWork<void>(deps_, actor, origin, [&](CaseWork& w) -> Result<void> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    crypto::DataKey key = w.Key();
    auto task = FindTask(w.tx, key, task_id);
    if (!task || task->case_id != found->header.id) {
      return Fail(Problem::NotFound(std::string(kNoSuchTask)));
    }
    if (task->version != expected_version ||
        !tasks::CompleteTask(w.tx, task->task_id, expected_version, actor.user_id, w.now)) {
      return Fail(Problem::Conflict(
          "Someone else changed this task while you were looking at it. Check the task list as "
          "it is now"));
    }
    auto event = w.Event("task.complete", found->header.id);
    event.details = {{"task", task->task_id}};
    w.Audit(std::move(event));
    return {};
  });
}

namespace {
cases::CaseSection Summarise(const cases::Case& record, const std::vector<TaskRow>& rows,
                             Date today) {
  cases::CaseSection section{.title = "Tasks",
                             .href = "/cases/" + record.id + "/tasks",
                             .status = "None due",
                             .done = true};
  int overdue = 0;
  for (const auto& row : rows) overdue += row.due_on < today;
  if (overdue > 0) {
    section.status = std::to_string(overdue) + " overdue";
    section.done = false;
  } else if (!rows.empty()) {
    section.status = std::to_string(rows.size()) + (rows.size() == 1 ? " task" : " tasks");
    section.done = false;
  }
  if (!rows.empty()) {
    const TaskRow& next = rows.front();
    std::string what =
        next.task_id.empty() ? std::string(DeadlineLabel(next.kind)) : std::string("Next task due");
    section.hint = what + ": " + FormatDateForPeople(next.due_on);
  }
  return section;
}
}  // namespace

cases::SectionSummary TasksSection(CaseWork& work, const crypto::DataKey& key,
                                   const cases::Case& record, const cases::CaseAccess&) {
  TaskQuery query{.organisation_id = record.organisation_id, .case_id = record.id, .titles = false};
  auto rows = ListTaskRowsLater(work.tx, key, query);
  return [rows, &record, today = work.today]() mutable {
    return Summarise(record, rows.Get(), today);
  };
}

}  // namespace waymark::tasks
