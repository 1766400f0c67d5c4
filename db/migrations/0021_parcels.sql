CREATE TABLE `parcel_items` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`parcel_id` bigint unsigned NOT NULL,
	`order_item_id` bigint unsigned NOT NULL,
	`declared_value_cny_minor` bigint NOT NULL,
	`active_item_id` bigint unsigned,
	CONSTRAINT `parcel_items_id` PRIMARY KEY(`id`),
	CONSTRAINT `parcel_items_active_uq` UNIQUE(`active_item_id`)
);
--> statement-breakpoint
CREATE TABLE `parcels` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`number` varchar(20) NOT NULL,
	`status` enum('awaiting_payment','paid','packed','awaiting_topup','ready_to_dispatch','shipped','delivered','cancelled') NOT NULL DEFAULT 'awaiting_payment',
	`version` int NOT NULL DEFAULT 0,
	`user_id` bigint unsigned,
	`partner_key_id` varchar(40),
	`line_id` bigint unsigned NOT NULL,
	`line_code` varchar(40) NOT NULL,
	`shipping_address` json NOT NULL,
	`services` json NOT NULL,
	`goods` json NOT NULL,
	`currency` char(3) NOT NULL,
	`rate` decimal(24,12) NOT NULL,
	`rate_source` varchar(32) NOT NULL,
	`rate_captured_at` datetime(3) NOT NULL,
	`declared_value_cny_minor` bigint NOT NULL,
	`estimate_grams` int NOT NULL,
	`estimate_dims` json,
	`estimate_chargeable_grams` int NOT NULL,
	`estimate_shipping_cny_minor` bigint NOT NULL,
	`estimate_shipping_minor` bigint NOT NULL,
	`insurance_cny_minor` bigint NOT NULL DEFAULT 0,
	`services_cny_minor` bigint NOT NULL DEFAULT 0,
	`total_cny_minor` bigint NOT NULL,
	`charge_minor` bigint NOT NULL,
	`gateway` varchar(16) NOT NULL,
	`gateway_payment_id` varchar(100),
	`pay_token` char(32) NOT NULL,
	`wallet_part_minor` bigint NOT NULL DEFAULT 0,
	`paid_at` datetime(3),
	`packed_weight_grams` int,
	`packed_dims` json,
	`packed_chargeable_grams` int,
	`packed_shipping_cny_minor` bigint,
	`packed_at` datetime(3),
	`packed_by` bigint unsigned,
	`settlement_action` enum('none','topup','refund'),
	`settlement_cny_minor` bigint,
	`settlement_minor` bigint,
	`settlement_status` enum('none','open','paid','refunded','due'),
	`topup_payment_id` varchar(100),
	`topup_paid_at` datetime(3),
	`tracking_number` varchar(64),
	`carrier` varchar(64),
	`shipped_at` datetime(3),
	`delivered_at` datetime(3),
	`cancelled_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `parcels_id` PRIMARY KEY(`id`),
	CONSTRAINT `parcels_number_uq` UNIQUE(`number`)
);
--> statement-breakpoint
CREATE INDEX `parcel_items_parcel_idx` ON `parcel_items` (`parcel_id`);--> statement-breakpoint
CREATE INDEX `parcel_items_item_idx` ON `parcel_items` (`order_item_id`);--> statement-breakpoint
CREATE INDEX `parcels_user_idx` ON `parcels` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `parcels_partner_idx` ON `parcels` (`partner_key_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `parcels_status_idx` ON `parcels` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `parcels_tracking_idx` ON `parcels` (`tracking_number`);