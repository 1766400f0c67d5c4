ALTER TABLE `order_items` ADD `fulfilment_status` enum('upstream','in_warehouse','accepted','return_requested','returned','in_parcel','shipped','delivered','refunded') DEFAULT 'upstream' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `fulfilment_version` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `received_at` datetime(3);--> statement-breakpoint
ALTER TABLE `order_items` ADD `weight_grams` int;--> statement-breakpoint
ALTER TABLE `order_items` ADD `length_mm` int;--> statement-breakpoint
ALTER TABLE `order_items` ADD `width_mm` int;--> statement-breakpoint
ALTER TABLE `order_items` ADD `height_mm` int;--> statement-breakpoint
CREATE INDEX `order_items_fulfilment_idx` ON `order_items` (`fulfilment_status`,`received_at`);--> statement-breakpoint
-- Hand-written (keep when regenerating): orders staff moved past `purchased` by hand before items had their own status get items that say the same.
UPDATE `order_items` i JOIN `orders` o ON o.`id` = i.`order_id` SET i.`fulfilment_status` = CASE o.`status` WHEN 'arrived' THEN 'in_warehouse' WHEN 'packed' THEN 'in_parcel' WHEN 'shipped' THEN 'shipped' ELSE 'delivered' END, i.`received_at` = o.`updated_at` WHERE o.`status` IN ('arrived', 'packed', 'shipped', 'completed') AND i.`purchase_status` = 'purchased';
