CREATE TABLE `parcel_photos` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`parcel_id` bigint unsigned NOT NULL,
	`storage_key` char(32) NOT NULL,
	`width` int NOT NULL,
	`height` int NOT NULL,
	`bytes` int NOT NULL,
	`uploaded_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `parcel_photos_id` PRIMARY KEY(`id`),
	CONSTRAINT `parcel_photos_key_uq` UNIQUE(`storage_key`)
);
--> statement-breakpoint
ALTER TABLE `parcels` MODIFY COLUMN `status` enum('awaiting_rehearsal','awaiting_payment','paid','packed','awaiting_topup','ready_to_dispatch','shipped','delivered','cancelled') NOT NULL DEFAULT 'awaiting_payment';--> statement-breakpoint
CREATE INDEX `parcel_photos_parcel_idx` ON `parcel_photos` (`parcel_id`,`id`);