CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`at` text NOT NULL,
	`signature` text NOT NULL,
	`key_fingerprint` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_checkpoints_seq_idx` ON `audit_checkpoints` (`seq`);