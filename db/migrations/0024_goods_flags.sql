ALTER TABLE `products` ADD `goods_detected` json;--> statement-breakpoint
ALTER TABLE `products` ADD `goods_override` json;--> statement-breakpoint
ALTER TABLE `order_items` ADD `goods` json;