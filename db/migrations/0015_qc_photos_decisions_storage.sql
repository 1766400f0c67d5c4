CREATE TABLE `item_notices` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_item_id` bigint unsigned NOT NULL,
	`kind` varchar(32) NOT NULL,
	`sent_at` datetime(3) NOT NULL,
	CONSTRAINT `item_notices_id` PRIMARY KEY(`id`),
	CONSTRAINT `item_notices_item_kind_uq` UNIQUE(`order_item_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `qc_photos` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_item_id` bigint unsigned NOT NULL,
	`storage_key` char(32) NOT NULL,
	`width` int NOT NULL,
	`height` int NOT NULL,
	`bytes` int NOT NULL,
	`uploaded_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `qc_photos_id` PRIMARY KEY(`id`),
	CONSTRAINT `qc_photos_key_uq` UNIQUE(`storage_key`)
);
--> statement-breakpoint
CREATE TABLE `service_charges` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`order_item_id` bigint unsigned NOT NULL,
	`kind` enum('qc_photos') NOT NULL,
	`quantity` int NOT NULL,
	`status` enum('open','paid','cancelled') NOT NULL DEFAULT 'open',
	`amount_cny_minor` bigint NOT NULL,
	`charge_currency` char(3) NOT NULL,
	`charge_minor` bigint NOT NULL,
	`open_item_id` bigint unsigned,
	`gateway_payment_id` varchar(100),
	`paid_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `service_charges_id` PRIMARY KEY(`id`),
	CONSTRAINT `service_charges_open_uq` UNIQUE(`open_item_id`,`kind`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `share_qc_photos` tinyint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `receipt_outcome` enum('complete','short','damaged','wrong_item');--> statement-breakpoint
ALTER TABLE `order_items` ADD `received_quantity` int;--> statement-breakpoint
ALTER TABLE `order_items` ADD `receipt_note` varchar(500);--> statement-breakpoint
ALTER TABLE `order_items` ADD `qc_note` varchar(500);--> statement-breakpoint
ALTER TABLE `order_items` ADD `qc_ready_at` datetime(3);--> statement-breakpoint
ALTER TABLE `order_items` ADD `return_reason` varchar(500);--> statement-breakpoint
ALTER TABLE `order_items` ADD `return_answer` varchar(500);--> statement-breakpoint
ALTER TABLE `order_items` ADD `decided_at` datetime(3);--> statement-breakpoint
ALTER TABLE `order_items` ADD `decided_by` varchar(16);--> statement-breakpoint
CREATE INDEX `qc_photos_item_idx` ON `qc_photos` (`order_item_id`,`id`);--> statement-breakpoint
CREATE INDEX `service_charges_order_idx` ON `service_charges` (`order_id`);--> statement-breakpoint
CREATE INDEX `service_charges_item_idx` ON `service_charges` (`order_item_id`,`status`);--> statement-breakpoint
CREATE INDEX `order_items_qc_ready_idx` ON `order_items` (`fulfilment_status`,`qc_ready_at`);--> statement-breakpoint
CREATE INDEX `order_items_product_fulfilment_idx` ON `order_items` (`product_id`,`fulfilment_status`);--> statement-breakpoint
UPDATE `order_items` SET `receipt_outcome` = 'complete', `received_quantity` = `quantity` WHERE `received_at` IS NOT NULL;