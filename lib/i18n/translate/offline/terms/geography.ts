/**
 * Provinces and cities as 1688 shows a seller's location and a product's 产地 ("广东 广州",
 * "浙江义乌"). Character by character these read as nonsense ("Wide East Wide Prefecture"), so
 * every place a listing names must be here; translate-text turns "province + city" into the
 * English order "Guangzhou, Guangdong". The 省 / 市 forms are derived below.
 */

/** Provinces, autonomous regions and municipalities, by their short names. */
export const provinces: Record<string, string> = {
  广东: 'Guangdong', 浙江: 'Zhejiang', 福建: 'Fujian', 江苏: 'Jiangsu', 山东: 'Shandong', 河北: 'Hebei',
  河南: 'Henan', 湖北: 'Hubei', 湖南: 'Hunan', 四川: 'Sichuan', 安徽: 'Anhui', 江西: 'Jiangxi',
  辽宁: 'Liaoning', 吉林: 'Jilin', 黑龙江: 'Heilongjiang', 山西: 'Shanxi', 陕西: 'Shaanxi', 甘肃: 'Gansu',
  青海: 'Qinghai', 云南: 'Yunnan', 贵州: 'Guizhou', 海南: 'Hainan', 台湾: 'Taiwan', 广西: 'Guangxi',
  内蒙古: 'Inner Mongolia', 西藏: 'Tibet', 宁夏: 'Ningxia', 新疆: 'Xinjiang',
  北京: 'Beijing', 上海: 'Shanghai', 天津: 'Tianjin', 重庆: 'Chongqing', 香港: 'Hong Kong', 澳门: 'Macau',
};

/** Prefecture- and county-level cities, weighted toward 1688's manufacturing clusters. */
export const cities: Record<string, string> = {
  // Guangdong
  广州: 'Guangzhou', 深圳: 'Shenzhen', 东莞: 'Dongguan', 佛山: 'Foshan', 汕头: 'Shantou', 潮州: 'Chaozhou',
  揭阳: 'Jieyang', 惠州: 'Huizhou', 江门: 'Jiangmen', 珠海: 'Zhuhai', 肇庆: 'Zhaoqing', 清远: 'Qingyuan',
  // Zhejiang
  杭州: 'Hangzhou', 宁波: 'Ningbo', 温州: 'Wenzhou', 义乌: 'Yiwu', 金华: 'Jinhua', 台州: 'Taizhou',
  湖州: 'Huzhou', 嘉兴: 'Jiaxing', 绍兴: 'Shaoxing', 永康: 'Yongkang', 平湖: 'Pinghu', 海宁: 'Haining',
  桐乡: 'Tongxiang', 慈溪: 'Cixi', 余姚: 'Yuyao', 乐清: 'Yueqing', 瑞安: "Rui'an", 诸暨: 'Zhuji',
  // Fujian
  泉州: 'Quanzhou', 石狮: 'Shishi', 晋江: 'Jinjiang', 厦门: 'Xiamen', 福州: 'Fuzhou', 莆田: 'Putian',
  漳州: 'Zhangzhou',
  // Jiangsu
  苏州: 'Suzhou', 南京: 'Nanjing', 无锡: 'Wuxi', 常州: 'Changzhou', 南通: 'Nantong', 扬州: 'Yangzhou',
  常熟: 'Changshu', 昆山: 'Kunshan', 徐州: 'Xuzhou', 宿迁: 'Suqian', 泰州: 'Taizhou',
  // Shandong, Hebei and the north
  青岛: 'Qingdao', 济南: 'Jinan', 临沂: 'Linyi', 潍坊: 'Weifang', 烟台: 'Yantai', 保定: 'Baoding',
  定州: 'Dingzhou', 石家庄: 'Shijiazhuang', 沧州: 'Cangzhou', 白沟: 'Baigou', 沈阳: 'Shenyang', 大连: 'Dalian',
  哈尔滨: 'Harbin', 长春: 'Changchun', 太原: 'Taiyuan', 呼和浩特: 'Hohhot',
  // Central, west and south
  成都: 'Chengdu', 武汉: 'Wuhan', 长沙: 'Changsha', 郑州: 'Zhengzhou', 合肥: 'Hefei', 南昌: 'Nanchang',
  西安: "Xi'an", 昆明: 'Kunming', 南宁: 'Nanning', 贵阳: 'Guiyang', 海口: 'Haikou', 兰州: 'Lanzhou',
  乌鲁木齐: 'Urumqi', 拉萨: 'Lhasa', 银川: 'Yinchuan', 西宁: 'Xining',
};

/** Municipalities are cities too: "上海 上海" must not read "Shanghai, Shanghai". */
const MUNICIPALITIES = new Set(['北京', '上海', '天津', '重庆', '香港', '澳门']);

const withSuffix = (names: Record<string, string>, suffix: string, skip: ReadonlySet<string> = new Set()) =>
  Object.fromEntries(Object.entries(names).filter(([zh]) => !skip.has(zh)).map(([zh, en]) => [zh + suffix, en]));

/** Every place name a listing may write, with its 省 / 市 form: the glossary domain. */
export const geography: Record<string, string> = {
  ...provinces,
  ...withSuffix(provinces, '省', MUNICIPALITIES),
  ...withSuffix(provinces, '市', new Set(Object.keys(provinces).filter((zh) => !MUNICIPALITIES.has(zh)))),
  ...cities,
  ...withSuffix(cities, '市'),
};

const provinceKeys = new Set([...Object.keys(provinces), ...Object.keys(withSuffix(provinces, '省', MUNICIPALITIES))]);
const cityKeys = new Set([...Object.keys(cities), ...Object.keys(withSuffix(cities, '市'))]);

/** "广东" + "广州" → "Guangzhou, Guangdong"; null when the pair is not province then city. */
export function placePair(province: string, city: string): string | null {
  if (!provinceKeys.has(province) || !cityKeys.has(city)) return null;
  const provinceEn = geography[province];
  const cityEn = geography[city];
  if (!provinceEn || !cityEn) return null;
  return provinceEn === cityEn ? cityEn : `${cityEn}, ${provinceEn}`;
}

/** English place names, which sentence case must keep capitalised ("origin: Guangzhou, Guangdong"). */
export const placeWords: ReadonlySet<string> = new Set(Object.values(geography).flatMap((en) => en.split(' ')));
