ALTER TABLE `shipments` ADD `problem_handled_event_at` datetime(3);--> statement-breakpoint
ALTER TABLE `shipments` ADD `problem_handled_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `shipments` ADD `problem_handled_note` varchar(500);--> statement-breakpoint
CREATE INDEX `shipments_status_event_idx` ON `shipments` (`status`,`latest_event_at`);