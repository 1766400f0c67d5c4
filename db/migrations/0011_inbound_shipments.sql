CREATE TABLE `inbound_shipments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`purchase_order_id` bigint unsigned NOT NULL,
	`tracking_number` varchar(64) NOT NULL,
	`carrier_name` varchar(64),
	`carrier_code` varchar(32),
	`status` enum('expected','received') NOT NULL DEFAULT 'expected',
	`shipped_at` datetime(3),
	`received_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `inbound_shipments_id` PRIMARY KEY(`id`),
	CONSTRAINT `inbound_shipments_po_tracking_uq` UNIQUE(`purchase_order_id`,`tracking_number`)
);
--> statement-breakpoint
CREATE INDEX `inbound_shipments_tracking_idx` ON `inbound_shipments` (`tracking_number`);--> statement-breakpoint
CREATE INDEX `inbound_shipments_status_idx` ON `inbound_shipments` (`status`,`shipped_at`);