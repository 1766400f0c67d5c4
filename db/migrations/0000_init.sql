CREATE TABLE `categories` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`parent_id` bigint unsigned,
	`slug` varchar(120) NOT NULL,
	`name_zh` varchar(120) NOT NULL,
	`path` varchar(255) NOT NULL,
	`depth` tinyint NOT NULL DEFAULT 0,
	`sort_order` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `categories_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `category_translations` (
	`category_id` bigint unsigned NOT NULL,
	`locale` varchar(10) NOT NULL,
	`name` varchar(160) NOT NULL,
	`source` enum('machine','staff') NOT NULL DEFAULT 'machine',
	CONSTRAINT `category_translations_category_id_locale_pk` PRIMARY KEY(`category_id`,`locale`)
);
--> statement-breakpoint
CREATE TABLE `product_images` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`position` smallint NOT NULL,
	`source_url` varchar(512) NOT NULL,
	`storage_key` varchar(80),
	`width` int,
	`height` int,
	`status` enum('pending','ready','failed') NOT NULL DEFAULT 'pending',
	`error` varchar(255),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_images_id` PRIMARY KEY(`id`),
	CONSTRAINT `product_images_pos_uq` UNIQUE(`product_id`,`position`)
);
--> statement-breakpoint
CREATE TABLE `product_translations` (
	`product_id` bigint unsigned NOT NULL,
	`locale` varchar(10) NOT NULL,
	`title` varchar(512) NOT NULL,
	`description` text,
	`attributes` json NOT NULL,
	`source` enum('machine','staff') NOT NULL DEFAULT 'machine',
	`provider` varchar(32) NOT NULL,
	`translated_at` datetime(3) NOT NULL,
	CONSTRAINT `product_translations_product_id_locale_pk` PRIMARY KEY(`product_id`,`locale`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`platform` varchar(16) NOT NULL,
	`source_id` varchar(64) NOT NULL,
	`source_url` varchar(512) NOT NULL,
	`slug` varchar(160) NOT NULL,
	`title_zh` varchar(512) NOT NULL,
	`description_zh` text,
	`attributes_zh` json NOT NULL,
	`category_id` bigint unsigned NOT NULL,
	`seller_id` bigint unsigned NOT NULL,
	`currency` char(3) NOT NULL DEFAULT 'CNY',
	`price_min_minor` bigint NOT NULL,
	`price_max_minor` bigint NOT NULL,
	`domestic_shipping_minor` bigint NOT NULL DEFAULT 0,
	`weight_grams` int NOT NULL,
	`stock_total` int NOT NULL DEFAULT 0,
	`sales_count` int NOT NULL DEFAULT 0,
	`is_active` tinyint NOT NULL DEFAULT 1,
	`source_updated_at` datetime(3),
	`synced_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `products_id` PRIMARY KEY(`id`),
	CONSTRAINT `products_source_uq` UNIQUE(`platform`,`source_id`)
);
--> statement-breakpoint
CREATE TABLE `search_terms` (
	`term` varchar(64) NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`weight` smallint NOT NULL DEFAULT 1,
	CONSTRAINT `search_terms_term_product_id_pk` PRIMARY KEY(`term`,`product_id`)
);
--> statement-breakpoint
CREATE TABLE `sellers` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`platform` varchar(16) NOT NULL,
	`source_id` varchar(64) NOT NULL,
	`name` varchar(160) NOT NULL,
	`name_en` varchar(200),
	`location` varchar(120),
	`rating` smallint,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sellers_id` PRIMARY KEY(`id`),
	CONSTRAINT `sellers_source_uq` UNIQUE(`platform`,`source_id`)
);
--> statement-breakpoint
CREATE TABLE `skus` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`product_id` bigint unsigned NOT NULL,
	`source_sku_id` varchar(64) NOT NULL,
	`attributes` json NOT NULL,
	`currency` char(3) NOT NULL DEFAULT 'CNY',
	`price_minor` bigint NOT NULL,
	`stock` int NOT NULL DEFAULT 0,
	`image_position` smallint,
	`synced_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `skus_id` PRIMARY KEY(`id`),
	CONSTRAINT `skus_source_uq` UNIQUE(`product_id`,`source_sku_id`)
);
--> statement-breakpoint
CREATE TABLE `fx_rates` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`base` char(3) NOT NULL,
	`quote` char(3) NOT NULL,
	`rate` decimal(24,12) NOT NULL,
	`source` varchar(32) NOT NULL,
	`captured_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `fx_rates_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `categories_parent_idx` ON `categories` (`parent_id`);--> statement-breakpoint
CREATE INDEX `products_category_price_idx` ON `products` (`category_id`,`price_min_minor`);--> statement-breakpoint
CREATE INDEX `products_sales_idx` ON `products` (`sales_count`);--> statement-breakpoint
CREATE INDEX `search_terms_product_idx` ON `search_terms` (`product_id`);--> statement-breakpoint
CREATE INDEX `fx_rates_pair_time_idx` ON `fx_rates` (`base`,`quote`,`captured_at`);