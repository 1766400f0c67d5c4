CREATE TABLE `event_deliveries` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`event_id` bigint unsigned NOT NULL,
	`subscriber` varchar(64) NOT NULL,
	`subject_type` varchar(32) NOT NULL,
	`subject_id` bigint unsigned NOT NULL,
	`event_type` varchar(48) NOT NULL,
	`status` enum('pending','done','dead') NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL,
	`lease_until` datetime(3),
	`last_error` varchar(500),
	`delivered_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `event_deliveries_id` PRIMARY KEY(`id`),
	CONSTRAINT `event_deliveries_subscriber_event_uq` UNIQUE(`subscriber`,`event_id`)
);
--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `idempotency_key` varchar(100);--> statement-breakpoint
ALTER TABLE `email_outbox` ADD CONSTRAINT `email_outbox_idempotency_uq` UNIQUE(`idempotency_key`);--> statement-breakpoint
CREATE INDEX `event_deliveries_claim_idx` ON `event_deliveries` (`status`,`event_id`);--> statement-breakpoint
CREATE INDEX `event_deliveries_due_idx` ON `event_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `event_deliveries_subject_idx` ON `event_deliveries` (`subscriber`,`subject_type`,`subject_id`,`status`,`event_id`);--> statement-breakpoint
-- The events written before the relay existed are history: their emails were never owed (or were sent
-- another way), so the relay starts after them instead of mailing every past order at once.
UPDATE `order_events` SET `published_at` = `created_at` WHERE `published_at` IS NULL;
