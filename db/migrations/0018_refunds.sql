CREATE TABLE `refunds` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`items` json,
	`amount_minor` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`amount_cny_minor` bigint NOT NULL,
	`rate` decimal(24,12) NOT NULL,
	`destination` enum('original','wallet') NOT NULL,
	`reason` varchar(500) NOT NULL,
	`status` enum('requested','succeeded','failed') NOT NULL DEFAULT 'requested',
	`gateway` varchar(16),
	`gateway_refund_id` varchar(100),
	`idempotency_key` varchar(100) NOT NULL,
	`actor_type` varchar(16) NOT NULL,
	`actor_id` varchar(64),
	`failure_reason` varchar(255),
	`completed_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `refunds_id` PRIMARY KEY(`id`),
	CONSTRAINT `refunds_idempotency_uq` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE INDEX `refunds_order_idx` ON `refunds` (`order_id`,`created_at`);