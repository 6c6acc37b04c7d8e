CREATE TABLE "two_factor_accounts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"secret" text,
	"enabled_at" text,
	"last_step" integer,
	"pending_secret" text,
	"pending_since" text
);
--> statement-breakpoint
CREATE TABLE "two_factor_policy" (
	"id" text PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"changed_by" text,
	"changed_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "two_factor_recovery_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" text NOT NULL,
	"used_at" text
);
--> statement-breakpoint
ALTER TABLE "two_factor_accounts" ADD CONSTRAINT "two_factor_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_factor_policy" ADD CONSTRAINT "two_factor_policy_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_factor_recovery_codes" ADD CONSTRAINT "two_factor_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "two_factor_recovery_codes_user_idx" ON "two_factor_recovery_codes" USING btree ("user_id");