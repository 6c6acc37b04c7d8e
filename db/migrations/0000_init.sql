CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `artifact_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`artifact_id` text NOT NULL,
	`version_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	`dismissed_at` text,
	FOREIGN KEY (`artifact_id`) REFERENCES `artifacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `artifact_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `artifact_reviews_artifact_idx` ON `artifact_reviews` (`artifact_id`);--> statement-breakpoint
CREATE TABLE `artifact_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`artifact_id` text NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text,
	`stored_name` text,
	`sha256` text,
	`size` integer,
	`media_type` text,
	`url` text,
	`markdown` text,
	`note` text DEFAULT '' NOT NULL,
	`submitted_by` text NOT NULL,
	`submitted_at` text NOT NULL,
	FOREIGN KEY (`artifact_id`) REFERENCES `artifacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `artifact_versions_number_unique` ON `artifact_versions` (`artifact_id`,`number`);--> statement-breakpoint
CREATE TABLE `artifacts` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`gate_id` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`requirement` text NOT NULL,
	`owner_id` text,
	`status` text DEFAULT 'missing' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gate_id`) REFERENCES `gates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `artifacts_gate_idx` ON `artifacts` (`gate_id`);--> statement-breakpoint
CREATE INDEX `artifacts_project_idx` ON `artifacts` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_email` text,
	`actor_role` text,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text NOT NULL,
	`project_id` text,
	`before` text,
	`after` text,
	`ip` text,
	`user_agent` text,
	`previous_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_events_id_unique` ON `audit_events` (`id`);--> statement-breakpoint
CREATE INDEX `audit_events_project_idx` ON `audit_events` (`project_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_events_object_idx` ON `audit_events` (`object_type`,`object_id`);--> statement-breakpoint
CREATE TABLE `client_organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`country` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_organizations_name_unique` ON `client_organizations` (`name`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`raised_by` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`severity` text NOT NULL,
	`blocking` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`assignee_id` text,
	`resolution` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `escalations_project_idx` ON `escalations` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `estimate_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`sprint_id` text,
	`kind` text NOT NULL,
	`taken_at` text NOT NULL,
	`done_days` real NOT NULL,
	`remaining_days` real NOT NULL,
	`velocity_days_per_sprint` real,
	`forecast_go_live` text NOT NULL,
	`forecast_go_live_earliest` text NOT NULL,
	`forecast_go_live_latest` text NOT NULL,
	`forecast_cost` integer NOT NULL,
	`currency` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `estimate_snapshots_project_idx` ON `estimate_snapshots` (`project_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `external_systems` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `external_systems_project_idx` ON `external_systems` (`project_id`);--> statement-breakpoint
CREATE TABLE `gate_board_members` (
	`gate_id` text NOT NULL,
	`user_id` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`gate_id`, `user_id`),
	FOREIGN KEY (`gate_id`) REFERENCES `gates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gate_board_members_user_idx` ON `gate_board_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `gate_conditions` (
	`id` text PRIMARY KEY NOT NULL,
	`gate_id` text NOT NULL,
	`text` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`gate_id`) REFERENCES `gates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gate_conditions_gate_idx` ON `gate_conditions` (`gate_id`);--> statement-breakpoint
CREATE TABLE `gate_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`gate_id` text NOT NULL,
	`round` integer NOT NULL,
	`decision` text NOT NULL,
	`rationale` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`gate_id`) REFERENCES `gates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gate_decisions_round_unique` ON `gate_decisions` (`gate_id`,`round`);--> statement-breakpoint
CREATE TABLE `gate_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gate_policies_name_unique` ON `gate_policies` (`name`);--> statement-breakpoint
CREATE TABLE `gate_policy_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`policy_id` text NOT NULL,
	`version` integer NOT NULL,
	`gates` text NOT NULL,
	`published_by` text,
	`published_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`policy_id`) REFERENCES `gate_policies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gate_policy_versions_unique` ON `gate_policy_versions` (`policy_id`,`version`);--> statement-breakpoint
CREATE TABLE `gate_votes` (
	`id` text PRIMARY KEY NOT NULL,
	`gate_id` text NOT NULL,
	`round` integer NOT NULL,
	`user_id` text NOT NULL,
	`vote` text NOT NULL,
	`rationale` text NOT NULL,
	`cast_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`gate_id`) REFERENCES `gates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gate_votes_unique` ON `gate_votes` (`gate_id`,`round`,`user_id`);--> statement-breakpoint
CREATE TABLE `gates` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`objectives` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decision_rule` text NOT NULL,
	`quorum` integer,
	`round` integer DEFAULT 1 NOT NULL,
	`planned_date` text,
	`submitted_at` text,
	`submitted_by` text,
	`decided_at` text,
	`decision` text,
	`decision_rationale` text,
	`decided_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gates_project_number_unique` ON `gates` (`project_id`,`number`);--> statement-breakpoint
CREATE TABLE `go_live_acceptances` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`statement` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`completed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `go_live_acceptances_project_id_unique` ON `go_live_acceptances` (`project_id`);--> statement-breakpoint
CREATE TABLE `go_live_sign_offs` (
	`id` text PRIMARY KEY NOT NULL,
	`acceptance_id` text NOT NULL,
	`user_id` text NOT NULL,
	`signed_at` text NOT NULL,
	`ip` text,
	`user_agent` text,
	`statement` text NOT NULL,
	`statement_sha256` text NOT NULL,
	`audit_head_hash` text NOT NULL,
	FOREIGN KEY (`acceptance_id`) REFERENCES `go_live_acceptances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `go_live_sign_offs_unique` ON `go_live_sign_offs` (`acceptance_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `go_live_signers` (
	`acceptance_id` text NOT NULL,
	`user_id` text NOT NULL,
	`capacity` text NOT NULL,
	PRIMARY KEY(`acceptance_id`, `user_id`),
	FOREIGN KEY (`acceptance_id`) REFERENCES `go_live_acceptances`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `guardians` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`site_id` text NOT NULL,
	`status` text DEFAULT 'nominated' NOT NULL,
	`nominated_by` text NOT NULL,
	`nominated_at` text NOT NULL,
	`certified_at` text,
	`withdrawn_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nominated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guardians_project_user_unique` ON `guardians` (`project_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`handover_date` text NOT NULL,
	`support_contacts` text NOT NULL,
	`open_items` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handovers_project_id_unique` ON `handovers` (`project_id`);--> statement-breakpoint
CREATE TABLE `interfaces` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`system_id` text NOT NULL,
	`name` text NOT NULL,
	`direction` text NOT NULL,
	`protocol` text NOT NULL,
	`frequency` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'designed' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`module` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`system_id`) REFERENCES `external_systems`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interfaces_project_idx` ON `interfaces` (`project_id`,`system_id`);--> statement-breakpoint
CREATE TABLE `migration_plans` (
	`project_id` text PRIMARY KEY NOT NULL,
	`scenario` text DEFAULT '' NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`source_systems` text DEFAULT '' NOT NULL,
	`raci` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `migration_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`wave_id` text NOT NULL,
	`kind` text NOT NULL,
	`ran_on` text NOT NULL,
	`extracted` integer NOT NULL,
	`loaded` integer NOT NULL,
	`rejected` integer NOT NULL,
	`reconciliation` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `migration_waves`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `migration_runs_wave_idx` ON `migration_runs` (`wave_id`);--> statement-breakpoint
CREATE TABLE `migration_waves` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`segment` text NOT NULL,
	`source_system` text NOT NULL,
	`module` text,
	`planned_date` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `migration_waves_project_idx` ON `migration_waves` (`project_id`,`planned_date`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`project_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`href` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `payment_milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`sprint_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`invoice_reference` text,
	`billable_at` text,
	`invoiced_at` text,
	`paid_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_milestones_sprint_id_unique` ON `payment_milestones` (`sprint_id`);--> statement-breakpoint
CREATE INDEX `payment_milestones_project_idx` ON `payment_milestones` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `project_members` (
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`, `role`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_members_user_idx` ON `project_members` (`user_id`,`project_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`modules` text DEFAULT '[]' NOT NULL,
	`sow_reference` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`target_go_live_date` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`size_class` text DEFAULT 'standard' NOT NULL,
	`current_gate` integer DEFAULT 7 NOT NULL,
	`policy_version_id` text,
	`health` text DEFAULT 'green' NOT NULL,
	`health_reasons` text DEFAULT '[]' NOT NULL,
	`billing_mode` text DEFAULT 'per_day' NOT NULL,
	`day_rate` integer DEFAULT 0 NOT NULL,
	`fixed_sprint_amount` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`internal_notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `client_organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_version_id`) REFERENCES `gate_policy_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_organization_idx` ON `projects` (`organization_id`);--> statement-breakpoint
CREATE INDEX `projects_status_idx` ON `projects` (`status`,`target_go_live_date`);--> statement-breakpoint
CREATE TABLE `quality_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`standard_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`environment` text NOT NULL,
	`timing` text NOT NULL,
	`gate_number` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`standard_id`) REFERENCES `quality_standards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_activities_unique` ON `quality_activities` (`standard_id`,`key`);--> statement-breakpoint
CREATE TABLE `quality_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`selection_id` text NOT NULL,
	`activity_key` text NOT NULL,
	`result` text NOT NULL,
	`reason` text,
	`link` text,
	`file_name` text,
	`stored_name` text,
	`sha256` text,
	`size` integer,
	`media_type` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`selection_id`) REFERENCES `quality_selections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quality_evidence_selection_idx` ON `quality_evidence` (`selection_id`,`activity_key`);--> statement-breakpoint
CREATE TABLE `quality_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`question` text NOT NULL,
	`match_value` text NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quality_selections` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`sprint_id` text,
	`release_id` text,
	`answers` text NOT NULL,
	`recommended_level` text NOT NULL,
	`reasons` text NOT NULL,
	`chosen_level` text NOT NULL,
	`justification` text,
	`activities` text NOT NULL,
	`selected_by` text NOT NULL,
	`selected_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`selected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_selections_sprint_unique` ON `quality_selections` (`sprint_id`);--> statement-breakpoint
CREATE TABLE `quality_standards` (
	`id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`rank` integer NOT NULL,
	`name` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`min_points` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_standards_level_unique` ON `quality_standards` (`level`);--> statement-breakpoint
CREATE UNIQUE INDEX `quality_standards_rank_unique` ON `quality_standards` (`rank`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`target_date` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_project_number_unique` ON `releases` (`project_id`,`number`);--> statement-breakpoint
CREATE TABLE `scope_baselines` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`version` integer NOT NULL,
	`items` text NOT NULL,
	`total_days` real NOT NULL,
	`approved_by` text NOT NULL,
	`approved_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scope_baselines_version_unique` ON `scope_baselines` (`project_id`,`version`);--> statement-breakpoint
CREATE TABLE `scope_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`scope_item_id` text NOT NULL,
	`change` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scope_item_id`) REFERENCES `scope_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scope_changes_project_idx` ON `scope_changes` (`project_id`,`at`);--> statement-breakpoint
CREATE TABLE `scope_items` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`release_id` text,
	`sprint_id` text,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`priority` text NOT NULL,
	`estimate_days` real NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scope_items_project_idx` ON `scope_items` (`project_id`,`release_id`);--> statement-breakpoint
CREATE INDEX `scope_items_sprint_idx` ON `scope_items` (`sprint_id`);--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_lookup_idx` ON `sign_in_attempts` (`email`,`ip`,`at`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_project_name_unique` ON `sites` (`project_id`,`name`);--> statement-breakpoint
CREATE TABLE `sprint_deployments` (
	`id` text PRIMARY KEY NOT NULL,
	`sprint_id` text NOT NULL,
	`release_version` text NOT NULL,
	`environment` text NOT NULL,
	`deployed_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sprint_deployments_sprint_idx` ON `sprint_deployments` (`sprint_id`);--> statement-breakpoint
CREATE TABLE `sprints` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`release_id` text,
	`number` integer NOT NULL,
	`goal` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`capacity_days` real DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`escaped_defects` integer DEFAULT 0 NOT NULL,
	`acceptance_comment` text,
	`decided_by` text,
	`decided_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sprints_project_number_unique` ON `sprints` (`project_id`,`number`);--> statement-breakpoint
CREATE INDEX `sprints_status_idx` ON `sprints` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `status_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`week_of` text NOT NULL,
	`generated_at` text NOT NULL,
	`generated_by` text,
	`snapshot` text NOT NULL,
	`markdown` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`generated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_reports_project_idx` ON `status_reports` (`project_id`,`generated_at`);--> statement-breakpoint
CREATE TABLE `training_attendance` (
	`session_id` text NOT NULL,
	`guardian_id` text NOT NULL,
	`attended` integer,
	`score` integer,
	`recorded_by` text,
	`recorded_at` text,
	PRIMARY KEY(`session_id`, `guardian_id`),
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guardian_id`) REFERENCES `guardians`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_materials` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`url` text,
	`file_name` text,
	`stored_name` text,
	`sha256` text,
	`size` integer,
	`media_type` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `training_modules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `training_modules` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`required` integer DEFAULT true NOT NULL,
	`pass_mark` integer DEFAULT 70 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `training_modules_project_idx` ON `training_modules` (`project_id`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`module_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer DEFAULT 120 NOT NULL,
	`mode` text NOT NULL,
	`site_id` text,
	`meeting_url` text,
	`trainer_id` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_id`) REFERENCES `training_modules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trainer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_sessions_project_idx` ON `training_sessions` (`project_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organization_id` text,
	`session_version` integer DEFAULT 0 NOT NULL,
	`disabled_at` text,
	`password_changed_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `client_organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_organization_idx` ON `users` (`organization_id`);--> statement-breakpoint
CREATE TABLE `validation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`environment` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	`closed_by` text,
	`closed_at` text,
	`closing_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `validation_runs_project_idx` ON `validation_runs` (`project_id`,`environment`);--> statement-breakpoint
CREATE TABLE `validation_scenarios` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`result` text DEFAULT 'pending' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`recorded_at` text,
	FOREIGN KEY (`run_id`) REFERENCES `validation_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `validation_scenarios_run_idx` ON `validation_scenarios` (`run_id`,`position`);