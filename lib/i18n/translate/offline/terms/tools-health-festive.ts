/** Hardware and tools, health and massage, festival and party goods, instruments and garden. */
export const toolsHealthFestive: Record<string, string> = {
  // Hardware and tools
  五金: 'Hardware', 五金工具: 'Hardware Tools', 工具套装: 'Tool Set', 维修: 'Repair', 维修工具: 'Repair Tools',
  电钻: 'Electric Drill', 手电钻: 'Cordless Drill', 冲击钻: 'Impact Drill', 螺丝刀: 'Screwdriver',
  螺丝: 'Screw', 扳手: 'Wrench', 钳子: 'Pliers', 锤子: 'Hammer', 卷尺: 'Tape Measure',
  钢卷尺: 'Steel Tape Measure', 测量: 'Measuring', 测量仪: 'Meter', 水平仪: 'Spirit Level',
  锂电池: 'Lithium Battery', 锂电: 'Lithium', 胶水: 'Glue', 万能胶: 'All-Purpose Glue', 强力胶: 'Super Glue',
  胶带纸: 'Tape', 双面胶: 'Double-Sided Tape', 密封条: 'Sealing Strip', 水龙头: 'Faucet', 洗菜盆: 'Kitchen Sink',
  水槽: 'Sink', 冷热: 'Hot and Cold', 花洒套装: 'Shower Set', 软管: 'Hose', 门锁: 'Door Lock', 锁: 'Lock',
  合页: 'Hinge', 拉手: 'Handle', 梯子: 'Ladder', 手套工具: 'Work Gloves', 劳保: 'Work Safety',
  耐摔: 'Drop-Proof',
  // Health, massage and personal devices
  按摩: 'Massage', 按摩器: 'Massager', 按摩枕: 'Massage Pillow', 靠枕: 'Back Cushion', 腰部: 'Waist',
  背部: 'Back', 足浴盆: 'Foot Spa', 泡脚桶: 'Foot Soak Bucket', 泡脚: 'Foot Soak', 加热: 'Heating',
  发热: 'Heating', 发热贴: 'Heat Patch', 体重秤: 'Bathroom Scale', 电子秤: 'Digital Scale', 人体秤: 'Body Scale',
  秤: 'Scale', 精准: 'Accurate', 血压计: 'Blood Pressure Monitor', 上臂式: 'Upper Arm',
  测量仪器: 'Measuring Instrument', 体温计: 'Thermometer', 艾草: 'Mugwort', 艾草贴: 'Mugwort Patch',
  颈椎贴: 'Neck Patch', 膝盖: 'Knee', 膝盖贴: 'Knee Patch', 暖宝宝: 'Hand Warmer', 暖宝宝贴: 'Heat Patch',
  自发热: 'Self-Heating', 刮胡刀: 'Razor', 卷发器: 'Hair Curler', 负离子: 'Negative Ion', 不伤发: 'Hair-Friendly',
  发: 'Hair', 头发: 'Hair', 骨传导: 'Bone Conduction', 挂耳式: 'Ear-Hook', 不入耳: 'Open-Ear',
  口罩贴: 'Mask Patch', 除臭: 'Deodorizing', 杀菌: 'Antibacterial',
  // Festival and party
  派对: 'Party', 生日派对: 'Birthday Party', 生日: 'Birthday', 气球: 'Balloon', 布置: 'Decoration',
  场景: 'Scene', 圣诞: 'Christmas', 圣诞节: 'Christmas', 圣诞树: 'Christmas Tree', 挂件: 'Pendant',
  新年: 'New Year', 春节: 'Spring Festival', 对联: 'Couplets', 福字: 'Fu Character', 门贴: 'Door Sticker',
  红包: 'Red Envelope', 万圣节: 'Halloween', 情人节: "Valentine's Day", 婚礼: 'Wedding', 结婚: 'Wedding',
  婚庆: 'Wedding', 喜字: 'Double Happiness', 灯笼: 'Lantern', 彩带: 'Ribbon', 横幅: 'Banner',
  // Musical instruments
  电子琴: 'Electronic Keyboard', 键: 'Keys', 吉他: 'Guitar', 尤克里里: 'Ukulele', 口琴: 'Harmonica',
  钢琴: 'Piano', 架子鼓: 'Drum Kit', 入门: 'Beginner', 乐器: 'Musical Instrument', 点读笔: 'Reading Pen',
  学习机: 'Learning Machine', 早教机: 'Early Learning Machine', 英语: 'English',
  // Garden and plants
  花盆: 'Flower Pot', 绿植: 'Green Plant', 多肉: 'Succulent', 种子: 'Seeds', 园艺: 'Gardening',
  浇水: 'Watering', 洒水壶: 'Watering Can', 营养土: 'Potting Soil', 草坪: 'Lawn', 围栏: 'Fence',
  鸟笼: 'Bird Cage', 笼子: 'Cage', 鹦鹉: 'Parrot',
  // More workshop and wellness goods
  电烙铁: 'Soldering Iron', 热熔胶枪: 'Hot Glue Gun', 胶枪: 'Glue Gun', 电锯: 'Electric Saw', 角磨机: 'Angle Grinder', 砂纸: 'Sandpaper',
  万用表: 'Multimeter', 电笔: 'Voltage Tester', 钻头: 'Drill Bit', 批头: 'Screwdriver Bit', 收纳工具箱: 'Tool Storage Box',
  拔罐器: 'Cupping Set', 刮痧板: 'Gua Sha Board', 护腰: 'Lumbar Support', 矫姿带: 'Posture Corrector', 助行器: 'Walker',
};
