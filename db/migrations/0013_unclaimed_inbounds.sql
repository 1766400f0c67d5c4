CREATE TABLE `unclaimed_inbounds` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tracking_number` varchar(64) NOT NULL,
	`status` enum('unclaimed','assigned') NOT NULL DEFAULT 'unclaimed',
	`weight_grams` int,
	`length_mm` int,
	`width_mm` int,
	`height_mm` int,
	`note` varchar(500),
	`received_by` varchar(254),
	`assigned_purchase_order_id` bigint unsigned,
	`assigned_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `unclaimed_inbounds_id` PRIMARY KEY(`id`),
	CONSTRAINT `unclaimed_inbounds_tracking_uq` UNIQUE(`tracking_number`)
);
--> statement-breakpoint
CREATE INDEX `unclaimed_inbounds_status_idx` ON `unclaimed_inbounds` (`status`,`created_at`);