ALTER TABLE `skus` ADD `counter_stale_at` datetime(3);--> statement-breakpoint
CREATE INDEX `skus_counter_stale_idx` ON `skus` (`counter_stale_at`);