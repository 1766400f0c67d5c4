CREATE TABLE `wallet_balances` (
	`user_id` bigint unsigned NOT NULL,
	`currency` char(3) NOT NULL,
	`balance_minor` bigint NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `wallet_balances_pk` PRIMARY KEY(`user_id`,`currency`)
);
--> statement-breakpoint
CREATE TABLE `wallet_entries` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`currency` char(3) NOT NULL,
	`amount_minor` bigint NOT NULL,
	`kind` enum('topup','spend','refund','adjustment','release') NOT NULL,
	`source` varchar(120) NOT NULL,
	`note` varchar(500),
	`actor_type` varchar(16) NOT NULL,
	`actor_id` varchar(64),
	`actor_label` varchar(254),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `wallet_entries_id` PRIMARY KEY(`id`),
	CONSTRAINT `wallet_entries_source_uq` UNIQUE(`kind`,`source`)
);
--> statement-breakpoint
CREATE TABLE `wallet_topups` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`reference` varchar(40) NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`currency` char(3) NOT NULL,
	`amount_minor` bigint NOT NULL,
	`status` enum('open','credited','flagged') NOT NULL DEFAULT 'open',
	`gateway` varchar(16) NOT NULL,
	`gateway_payment_id` varchar(100),
	`flag_reason` varchar(255),
	`credited_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `wallet_topups_id` PRIMARY KEY(`id`),
	CONSTRAINT `wallet_topups_reference_uq` UNIQUE(`reference`)
);
--> statement-breakpoint
ALTER TABLE `payment_ledger` MODIFY COLUMN `order_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `payment_ledger` ADD `user_id` bigint unsigned;--> statement-breakpoint
CREATE INDEX `wallet_entries_user_idx` ON `wallet_entries` (`user_id`,`currency`,`id`);--> statement-breakpoint
CREATE INDEX `wallet_topups_user_idx` ON `wallet_topups` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `payment_ledger_user_idx` ON `payment_ledger` (`user_id`);