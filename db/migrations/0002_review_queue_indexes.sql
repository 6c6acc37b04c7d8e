DROP INDEX `artifacts_gate_idx`;--> statement-breakpoint
CREATE INDEX `artifacts_status_idx` ON `artifacts` (`status`,`gate_id`);--> statement-breakpoint
CREATE INDEX `artifacts_gate_idx` ON `artifacts` (`gate_id`,`status`);--> statement-breakpoint
CREATE INDEX `artifact_reviews_version_idx` ON `artifact_reviews` (`version_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `gates_status_submitted_idx` ON `gates` (`status`,`submitted_at`);