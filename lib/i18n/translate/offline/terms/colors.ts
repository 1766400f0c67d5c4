/** Colour names as SKU values use them; 1688 sellers add 色 to almost every colour. */
export const colors: Record<string, string> = {
  颜色: 'Color', 色: 'Color', 彩色: 'Multicolor', 多色: 'Multicolor', 混色: 'Mixed Colors',
  随机色: 'Random Color',
  // Neutrals
  黑色: 'Black', 黑: 'Black', 白色: 'White', 白: 'White', 纯白: 'Pure White', 米白: 'Off-White',
  米白色: 'Off-White', 乳白色: 'Milky White', 象牙白: 'Ivory', 灰色: 'Gray', 灰: 'Gray', 浅灰: 'Light Gray',
  浅灰色: 'Light Gray', 深灰: 'Dark Gray', 深灰色: 'Dark Gray', 烟灰色: 'Smoke Gray', 银色: 'Silver',
  银灰色: 'Silver Gray', 米色: 'Beige', 杏色: 'Apricot', 卡其色: 'Khaki', 卡其: 'Khaki', 驼色: 'Camel',
  燕麦色: 'Oatmeal', 奶白色: 'Cream White', 奶油色: 'Cream', 肤色: 'Nude', 裸色: 'Nude', 透明色: 'Clear',
  透明: 'Transparent',
  // Reds and pinks
  红色: 'Red', 红: 'Red', 大红色: 'Bright Red', 酒红色: 'Wine Red', 枣红色: 'Burgundy', 砖红色: 'Brick Red',
  西瓜红: 'Watermelon Red', 玫红色: 'Rose Red', 玫红: 'Rose Red', 粉色: 'Pink', 粉红色: 'Pink', 粉: 'Pink',
  浅粉色: 'Light Pink', 樱花粉: 'Sakura Pink', 藕粉色: 'Lotus Pink', 脏粉色: 'Dusty Pink',
  豆沙色: 'Dusty Rose',
  // Oranges, yellows, browns
  橙色: 'Orange', 橘色: 'Orange', 桔色: 'Orange', 黄色: 'Yellow', 黄: 'Yellow', 姜黄色: 'Ginger Yellow',
  柠檬黄: 'Lemon Yellow', 鹅黄色: 'Light Yellow', 金色: 'Gold', 香槟色: 'Champagne', 玫瑰金: 'Rose Gold',
  咖啡色: 'Coffee', 咖色: 'Coffee', 棕色: 'Brown', 深棕色: 'Dark Brown', 焦糖色: 'Caramel', 巧克力色: 'Chocolate',
  // Greens
  绿色: 'Green', 绿: 'Green', 军绿色: 'Army Green', 墨绿色: 'Dark Green', 草绿色: 'Grass Green',
  薄荷绿: 'Mint Green', 浅绿色: 'Light Green', 牛油果绿: 'Avocado Green', 橄榄绿: 'Olive Green',
  抹茶绿: 'Matcha Green', 荧光绿: 'Neon Green',
  // Blues and purples
  蓝色: 'Blue', 蓝: 'Blue', 深蓝色: 'Dark Blue', 深蓝: 'Dark Blue', 浅蓝色: 'Light Blue', 浅蓝: 'Light Blue',
  天蓝色: 'Sky Blue', 宝蓝色: 'Royal Blue', 湖蓝色: 'Lake Blue', 雾霾蓝: 'Haze Blue', 藏青色: 'Navy Blue',
  藏青: 'Navy Blue', 藏蓝色: 'Navy Blue', 藏蓝: 'Navy Blue', 海军蓝: 'Navy Blue', 牛仔蓝: 'Denim Blue',
  克莱因蓝: 'Klein Blue', 青色: 'Cyan', 紫色: 'Purple', 紫: 'Purple', 浅紫色: 'Light Purple',
  香芋紫: 'Taro Purple', 薰衣草紫: 'Lavender', 葡萄紫: 'Grape Purple',
  // Shades and patterns
  浅色: 'Light', 深色: 'Dark', 渐变色: 'Gradient', 渐变: 'Gradient', 迷彩: 'Camouflage', 豹纹: 'Leopard Print',
  荧光: 'Neon', 马卡龙: 'Macaron', 莫兰迪: 'Morandi', 图片色: 'As Pictured', 如图: 'As Pictured',
  图色: 'As Pictured',
  // More shades sellers name
  白色系: 'White Tones', 黑白: 'Black and White', 黑白色: 'Black and White', 红黑: 'Red and Black', 蓝白: 'Blue and White',
  奶茶色: 'Milk Tea', 奶咖色: 'Latte', 摩卡色: 'Mocha', 焦糖: 'Caramel', 驼色系: 'Camel Tones', 浅咖色: 'Light Coffee',
  深咖色: 'Dark Coffee', 土黄色: 'Earth Yellow', 芥末黄: 'Mustard Yellow', 奶黄色: 'Cream Yellow', 橘红色: 'Orange Red',
  珊瑚色: 'Coral', 珊瑚红: 'Coral Red', 桃粉色: 'Peach Pink', 蜜桃粉: 'Peach Pink', 胭脂红: 'Rouge Red', 中国红: 'China Red',
  宝石蓝: 'Sapphire Blue', 孔雀蓝: 'Peacock Blue', 冰川蓝: 'Glacier Blue', 烟蓝色: 'Smoky Blue', 灰蓝色: 'Gray Blue',
  蓝绿色: 'Teal', 墨蓝色: 'Ink Blue', 水绿色: 'Aqua Green', 豆绿色: 'Pea Green', 果绿色: 'Apple Green', 灰绿色: 'Sage Green',
  紫罗兰: 'Violet', 丁香紫: 'Lilac', 酱紫色: 'Plum', 枪色: 'Gunmetal', 古铜色: 'Bronze', 铜色: 'Copper', 钛金色: 'Titanium Gold',
  星空灰: 'Space Gray', 深空灰: 'Space Gray', 午夜黑: 'Midnight Black', 曜石黑: 'Obsidian Black', 象牙色: 'Ivory', 本色: 'Natural',
  原木色: 'Natural Wood', 胡桃色: 'Walnut', 花色: 'Floral', 纯黑: 'Pure Black', 亮黑: 'Glossy Black', 哑黑: 'Matte Black',
};
