CREATE TABLE `addresses` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`name` varchar(120) NOT NULL,
	`line1` varchar(200) NOT NULL,
	`line2` varchar(200),
	`city` varchar(120) NOT NULL,
	`region` varchar(120),
	`postal_code` varchar(20),
	`country` char(2) NOT NULL,
	`phone` varchar(20) NOT NULL,
	`is_default` tinyint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `addresses_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`to_address` varchar(254) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`body_text` text NOT NULL,
	`template` varchar(64) NOT NULL,
	`transport` varchar(16) NOT NULL,
	`status` enum('queued','sent','failed','stored') NOT NULL DEFAULT 'queued',
	`error` varchar(255),
	`sent_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `email_outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `password_reset_tokens` (
	`token_hash` char(64) NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `password_reset_tokens_token_hash` PRIMARY KEY(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`email` varchar(254) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`name` varchar(120),
	`role` enum('customer','purchaser','warehouse','service','finance','admin') NOT NULL DEFAULT 'customer',
	`locale` varchar(10) NOT NULL DEFAULT 'en',
	`is_disabled` tinyint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `cart_lines` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`cart_id` bigint unsigned NOT NULL,
	`sku_id` bigint unsigned NOT NULL,
	`quantity` int NOT NULL,
	`remark` varchar(300),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `cart_lines_id` PRIMARY KEY(`id`),
	CONSTRAINT `cart_lines_sku_uq` UNIQUE(`cart_id`,`sku_id`)
);
--> statement-breakpoint
CREATE TABLE `carts` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned,
	`guest_token` char(32),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `carts_id` PRIMARY KEY(`id`),
	CONSTRAINT `carts_user_uq` UNIQUE(`user_id`),
	CONSTRAINT `carts_guest_uq` UNIQUE(`guest_token`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`actor_type` enum('user','partner','gateway','system','cli') NOT NULL,
	`actor_id` varchar(64),
	`actor_label` varchar(254),
	`action` varchar(64) NOT NULL,
	`subject_type` varchar(32) NOT NULL,
	`subject_id` varchar(64) NOT NULL,
	`details` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`type` varchar(48) NOT NULL,
	`from_status` enum('pending','paid','purchasing','purchased','arrived','packed','shipped','completed','cancelled','refunded'),
	`to_status` enum('pending','paid','purchasing','purchased','arrived','packed','shipped','completed','cancelled','refunded') NOT NULL,
	`payload` json NOT NULL,
	`published_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `order_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`sku_id` bigint unsigned NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`seller_id` bigint unsigned NOT NULL,
	`title` varchar(512) NOT NULL,
	`attributes` json NOT NULL,
	`quantity` int NOT NULL,
	`unit_price_cny_minor` bigint NOT NULL,
	`remark` varchar(300),
	CONSTRAINT `order_items_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`number` varchar(20) NOT NULL,
	`status` enum('pending','paid','purchasing','purchased','arrived','packed','shipped','completed','cancelled','refunded') NOT NULL DEFAULT 'pending',
	`version` int NOT NULL DEFAULT 0,
	`user_id` bigint unsigned,
	`partner_key_id` varchar(40),
	`external_ref` varchar(100),
	`checkout_token` varchar(100) NOT NULL,
	`locale` varchar(10) NOT NULL,
	`email` varchar(254),
	`shipping_address` json NOT NULL,
	`value_added_services` json NOT NULL,
	`breakdown_cny` json NOT NULL,
	`total_cny_minor` bigint NOT NULL,
	`charge_currency` char(3) NOT NULL,
	`charge_minor` bigint NOT NULL,
	`charge_rate` decimal(24,12) NOT NULL,
	`rate_source` varchar(32) NOT NULL,
	`rate_captured_at` datetime(3) NOT NULL,
	`base_currency` char(3) NOT NULL,
	`base_minor` bigint NOT NULL,
	`base_rate` decimal(24,12) NOT NULL,
	`gateway` varchar(16) NOT NULL,
	`gateway_payment_id` varchar(100),
	`pay_token` char(32) NOT NULL,
	`reserved_until` datetime(3),
	`paid_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `orders_id` PRIMARY KEY(`id`),
	CONSTRAINT `orders_number_uq` UNIQUE(`number`),
	CONSTRAINT `orders_checkout_uq` UNIQUE(`checkout_token`)
);
--> statement-breakpoint
CREATE TABLE `payment_ledger` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`gateway` varchar(16) NOT NULL,
	`transaction_id` varchar(100) NOT NULL,
	`kind` enum('charge','refund','failure','cod_due') NOT NULL,
	`amount_minor` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`status` enum('recorded','flagged') NOT NULL DEFAULT 'recorded',
	`flag_reason` varchar(255),
	`event_id` varchar(100),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `payment_ledger_id` PRIMARY KEY(`id`),
	CONSTRAINT `payment_ledger_tx_uq` UNIQUE(`gateway`,`transaction_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`source` varchar(32) NOT NULL,
	`event_id` varchar(100) NOT NULL,
	`type` varchar(64) NOT NULL,
	`payload` mediumtext NOT NULL,
	`deliveries` int NOT NULL DEFAULT 1,
	`received_at` datetime(3) NOT NULL,
	`processed_at` datetime(3),
	`error` varchar(255),
	CONSTRAINT `webhook_events_id` PRIMARY KEY(`id`),
	CONSTRAINT `webhook_events_uq` UNIQUE(`source`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `api_idempotency` (
	`partner_key_id` varchar(40) NOT NULL,
	`idem_key` varchar(100) NOT NULL,
	`request_hash` char(64) NOT NULL,
	`response_status` smallint,
	`response_body` mediumtext,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `api_idempotency_partner_key_id_idem_key_pk` PRIMARY KEY(`partner_key_id`,`idem_key`)
);
--> statement-breakpoint
CREATE TABLE `partner_keys` (
	`id` varchar(40) NOT NULL,
	`name` varchar(120) NOT NULL,
	`secret_ciphertext` varchar(255) NOT NULL,
	`rate_limit` int NOT NULL DEFAULT 600,
	`created_by` varchar(254),
	`last_used_at` datetime(3),
	`revoked_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `partner_keys_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `skus` ADD `reserved` int DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `addresses_user_idx` ON `addresses` (`user_id`);--> statement-breakpoint
CREATE INDEX `email_outbox_created_idx` ON `email_outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `password_reset_user_idx` ON `password_reset_tokens` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_subject_idx` ON `audit_log` (`subject_type`,`subject_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_events_unpublished_idx` ON `order_events` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `order_items_order_idx` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_items_sku_idx` ON `order_items` (`sku_id`);--> statement-breakpoint
CREATE INDEX `orders_user_idx` ON `orders` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_partner_idx` ON `orders` (`partner_key_id`);--> statement-breakpoint
CREATE INDEX `orders_status_idx` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_reserved_idx` ON `orders` (`status`,`reserved_until`);--> statement-breakpoint
CREATE INDEX `payment_ledger_order_idx` ON `payment_ledger` (`order_id`);--> statement-breakpoint
CREATE INDEX `webhook_events_pending_idx` ON `webhook_events` (`processed_at`);