CREATE TABLE `shipments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`number` varchar(50) NOT NULL,
	`carrier` varchar(32) NOT NULL,
	`parcel_id` bigint unsigned,
	`country` char(2) NOT NULL,
	`status` enum('NotFound','InfoReceived','InTransit','Expired','AvailableForPickup','OutForDelivery','DeliveryFailure','Delivered','Exception') NOT NULL DEFAULT 'NotFound',
	`sub_status` varchar(48) NOT NULL DEFAULT 'NotFound_Other',
	`latest_event_at` datetime(3),
	`delivered_at` datetime(3),
	`stopped_at` datetime(3),
	`registered_at` datetime(3),
	`register_attempts` int NOT NULL DEFAULT 0,
	`register_error` varchar(255),
	`notify_email` varchar(254),
	`locale` varchar(8) NOT NULL DEFAULT 'en',
	`label` json,
	`version` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `shipments_id` PRIMARY KEY(`id`),
	CONSTRAINT `shipments_number_uq` UNIQUE(`number`)
);
--> statement-breakpoint
CREATE TABLE `tracking_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`shipment_id` bigint unsigned NOT NULL,
	`at` datetime(3) NOT NULL,
	`status` enum('NotFound','InfoReceived','InTransit','Expired','AvailableForPickup','OutForDelivery','DeliveryFailure','Delivered','Exception') NOT NULL,
	`sub_status` varchar(48) NOT NULL,
	`description` varchar(500) NOT NULL,
	`description_hash` char(64) NOT NULL,
	`location` varchar(200),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `tracking_events_id` PRIMARY KEY(`id`),
	CONSTRAINT `tracking_events_uq` UNIQUE(`shipment_id`,`at`,`status`,`description_hash`)
);
--> statement-breakpoint
CREATE INDEX `shipments_parcel_idx` ON `shipments` (`parcel_id`);--> statement-breakpoint
CREATE INDEX `shipments_unregistered_idx` ON `shipments` (`registered_at`,`id`);--> statement-breakpoint
CREATE INDEX `tracking_events_shipment_at_idx` ON `tracking_events` (`shipment_id`,`at`);