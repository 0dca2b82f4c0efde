-- Indexes for one person's own rows, found by profiling the caseload benchmark: "my tasks"
-- reads the hand-made tasks assigned to one person (it walked every open task of the
-- organisation), and a worker's name search keeps only the cases they can reach, which
-- includes their live break-glass grants.
CREATE INDEX case_tasks_assigned ON case_tasks (assigned_to, status, due_on);
CREATE INDEX case_break_glass_user ON case_break_glass (user_id, expires_at);
