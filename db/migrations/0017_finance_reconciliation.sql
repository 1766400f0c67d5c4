CREATE TABLE `reconciliation_items` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`run_id` bigint unsigned NOT NULL,
	`kind` enum('missing_in_ledger','missing_in_settlement','amount_mismatch','currency_mismatch') NOT NULL,
	`item_key` varchar(200) NOT NULL,
	`category` varchar(40),
	`balance_transaction_id` varchar(100),
	`source_id` varchar(100),
	`charge_id` varchar(100),
	`payment_intent_id` varchar(100),
	`ledger_id` bigint unsigned,
	`ledger_transaction_id` varchar(100),
	`order_id` bigint unsigned,
	`gateway_amount_minor` bigint,
	`gateway_currency` char(3),
	`ledger_amount_minor` bigint,
	`ledger_currency` char(3),
	`mismatch_minor` bigint NOT NULL DEFAULT 0,
	`mismatch_currency` char(3) NOT NULL,
	`status` enum('open','explained') NOT NULL DEFAULT 'open',
	`note` varchar(1000),
	`explained_by` bigint unsigned,
	`explained_at` datetime(3),
	CONSTRAINT `reconciliation_items_id` PRIMARY KEY(`id`),
	CONSTRAINT `reconciliation_items_key_uq` UNIQUE(`run_id`,`item_key`)
);
--> statement-breakpoint
CREATE TABLE `reconciliation_runs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`day` date NOT NULL,
	`gateway` varchar(16) NOT NULL,
	`source` enum('api','file') NOT NULL,
	`status` enum('running','done','failed') NOT NULL DEFAULT 'running',
	`file_name` varchar(255),
	`matched_count` int unsigned NOT NULL DEFAULT 0,
	`movement_count` int unsigned NOT NULL DEFAULT 0,
	`item_count` int unsigned NOT NULL DEFAULT 0,
	`mismatch_rate` decimal(12,8) NOT NULL DEFAULT '0',
	`is_alert` tinyint NOT NULL DEFAULT 0,
	`totals` mediumtext,
	`other_categories` varchar(500),
	`error` varchar(255),
	`alert_sent_at` datetime(3),
	`started_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	CONSTRAINT `reconciliation_runs_id` PRIMARY KEY(`id`),
	CONSTRAINT `reconciliation_runs_day_uq` UNIQUE(`day`,`gateway`,`source`)
);
--> statement-breakpoint
CREATE INDEX `reconciliation_items_status_idx` ON `reconciliation_items` (`run_id`,`status`);--> statement-breakpoint
CREATE INDEX `reconciliation_runs_alert_idx` ON `reconciliation_runs` (`is_alert`,`day`);--> statement-breakpoint
CREATE INDEX `payment_ledger_day_idx` ON `payment_ledger` (`gateway`,`created_at`);