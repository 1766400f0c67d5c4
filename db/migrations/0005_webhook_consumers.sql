DROP INDEX `webhook_events_pending_idx` ON `webhook_events`;--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `consumer` varchar(32) NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `outcome` varchar(48);--> statement-breakpoint
-- Backfill (hand-written; keep it when regenerating): a supplier platform's rows are the push worker's, every other row belongs to payments.
UPDATE `webhook_events` SET `consumer` = IF(`source` IN ('1688','taobao','tmall','jd','pinduoduo','weidian'), 'supplier-push', 'payments');--> statement-breakpoint
CREATE INDEX `webhook_events_consumer_idx` ON `webhook_events` (`consumer`,`processed_at`,`id`);