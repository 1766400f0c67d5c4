ALTER TABLE `order_items` MODIFY COLUMN `purchase_status` enum('review','queued','purchasing','purchased','failed','awaiting_shopper','cancelled');--> statement-breakpoint
ALTER TABLE `order_items` ADD `remark_machine_zh` varchar(1000);--> statement-breakpoint
ALTER TABLE `order_items` ADD `remark_zh` varchar(500);--> statement-breakpoint
ALTER TABLE `order_items` ADD `remark_reviewed_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `order_items` ADD `remark_reviewed_at` datetime(3);--> statement-breakpoint
-- Hand-written (keep when regenerating): lines waiting to be bought whose shopper left a note go to a purchaser first, so no note reaches a seller unread and untranslated.
UPDATE `order_items` SET `purchase_status` = 'review' WHERE `purchase_status` = 'queued' AND TRIM(COALESCE(`remark`, '')) <> '';
