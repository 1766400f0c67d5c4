CREATE TABLE `price_differences` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`purchase_order_id` bigint unsigned NOT NULL,
	`status` enum('open','paid','declined','cancelled') NOT NULL DEFAULT 'open',
	`amount_cny_minor` bigint NOT NULL,
	`charge_currency` char(3) NOT NULL,
	`charge_minor` bigint NOT NULL,
	`lines` json NOT NULL,
	`gateway_payment_id` varchar(100),
	`resolved_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `price_differences_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `purchase_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`purchase_order_id` bigint unsigned NOT NULL,
	`step` varchar(32) NOT NULL,
	`actor` varchar(64) NOT NULL,
	`details` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `purchase_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`reference` varchar(32) NOT NULL,
	`platform` varchar(16) NOT NULL,
	`seller_id` bigint unsigned NOT NULL,
	`seller_source_id` varchar(64) NOT NULL,
	`status` enum('claimed','previewed','placing','placed','failed','awaiting_shopper','cancelled') NOT NULL DEFAULT 'claimed',
	`version` int NOT NULL DEFAULT 0,
	`expected_goods_minor` bigint NOT NULL,
	`preview_goods_minor` bigint,
	`preview_freight_minor` bigint,
	`upstream_order_id` varchar(64),
	`upstream_status` varchar(32),
	`upstream_total_minor` bigint,
	`attempts` int NOT NULL DEFAULT 0,
	`last_error` varchar(500),
	`placed_by` varchar(64),
	`placed_at` datetime(3),
	`upstream_modified_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `purchase_orders_id` PRIMARY KEY(`id`),
	CONSTRAINT `purchase_orders_reference_uq` UNIQUE(`reference`),
	CONSTRAINT `purchase_orders_upstream_uq` UNIQUE(`platform`,`upstream_order_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_failures` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`run_id` bigint unsigned NOT NULL,
	`platform` varchar(16) NOT NULL,
	`source_id` varchar(64) NOT NULL,
	`error` varchar(500) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `sync_failures_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`platform` varchar(16) NOT NULL,
	`mode` enum('full','incremental') NOT NULL,
	`status` enum('running','completed','failed','interrupted') NOT NULL DEFAULT 'running',
	`modified_since` datetime(3),
	`cursor` varchar(255),
	`watermark` datetime(3),
	`total` int,
	`pages` int NOT NULL DEFAULT 0,
	`seen` int NOT NULL DEFAULT 0,
	`created` int NOT NULL DEFAULT 0,
	`updated` int NOT NULL DEFAULT 0,
	`unchanged` int NOT NULL DEFAULT 0,
	`failed` int NOT NULL DEFAULT 0,
	`retries` int NOT NULL DEFAULT 0,
	`breaker` varchar(16) NOT NULL DEFAULT 'closed',
	`last_error` varchar(500),
	`started_by` varchar(64) NOT NULL,
	`heartbeat_at` datetime(3) NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	CONSTRAINT `sync_runs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `products` ADD `content_hash` char(40);--> statement-breakpoint
ALTER TABLE `skus` ADD `source_spec_id` varchar(64);--> statement-breakpoint
ALTER TABLE `skus` ADD `stock_source_at` datetime(3);--> statement-breakpoint
ALTER TABLE `order_items` ADD `purchase_status` enum('queued','purchasing','purchased','failed','awaiting_shopper','cancelled');--> statement-breakpoint
ALTER TABLE `order_items` ADD `purchase_order_id` bigint unsigned;--> statement-breakpoint
CREATE INDEX `price_differences_order_idx` ON `price_differences` (`order_id`);--> statement-breakpoint
CREATE INDEX `price_differences_po_idx` ON `price_differences` (`purchase_order_id`);--> statement-breakpoint
CREATE INDEX `purchase_events_po_idx` ON `purchase_events` (`purchase_order_id`,`id`);--> statement-breakpoint
CREATE INDEX `purchase_orders_status_idx` ON `purchase_orders` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `sync_failures_run_idx` ON `sync_failures` (`run_id`);--> statement-breakpoint
CREATE INDEX `sync_runs_platform_idx` ON `sync_runs` (`platform`,`id`);--> statement-breakpoint
CREATE INDEX `order_items_purchase_idx` ON `order_items` (`purchase_status`,`seller_id`);--> statement-breakpoint
CREATE INDEX `order_items_po_idx` ON `order_items` (`purchase_order_id`);