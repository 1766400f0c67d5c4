ALTER TABLE `orders` ADD `wallet_paid_minor` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payment_ledger` ADD `cny_minor` bigint;--> statement-breakpoint
ALTER TABLE `payment_ledger` ADD `reporting_minor` bigint;--> statement-breakpoint
ALTER TABLE `payment_ledger` ADD `reporting_currency` char(3);