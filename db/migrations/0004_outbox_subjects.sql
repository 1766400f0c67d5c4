ALTER TABLE `order_events` MODIFY COLUMN `order_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `order_events` MODIFY COLUMN `to_status` enum('pending','paid','purchasing','purchased','arrived','packed','shipped','completed','cancelled','refunded');--> statement-breakpoint
ALTER TABLE `order_events` ADD `subject_type` varchar(32) DEFAULT 'order' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_events` ADD `subject_id` bigint unsigned NOT NULL;--> statement-breakpoint
-- Backfill (hand-written; keep it when regenerating): every existing outbox row is an order's.
UPDATE `order_events` SET `subject_id` = `order_id`;--> statement-breakpoint
CREATE INDEX `order_events_subject_idx` ON `order_events` (`subject_type`,`subject_id`,`id`);