/**
 * Colour names as 1688 sellers write them in the 颜色 / 色号 spec, with the hex the demo images
 * are painted in. A colour's position in this list is part of every demo image URL, so the
 * list is append-only: reordering it would silently repaint every seeded image.
 */
export const demoColours = [
  { zh: '黑色', hex: '#222326' },
  { zh: '白色', hex: '#f5f5f2' },
  { zh: '灰色', hex: '#8f9298' },
  { zh: '浅灰色', hex: '#c8cace' },
  { zh: '深灰色', hex: '#4b4e55' },
  { zh: '藏青色', hex: '#25314f' },
  { zh: '深蓝色', hex: '#1f3d78' },
  { zh: '天蓝色', hex: '#74b6e3' },
  { zh: '雾霾蓝', hex: '#8299ae' },
  { zh: '宝蓝色', hex: '#2453b8' },
  { zh: '卡其色', hex: '#c2a676' },
  { zh: '杏色', hex: '#e9d3b1' },
  { zh: '米白色', hex: '#efe9dc' },
  { zh: '咖啡色', hex: '#6b4a33' },
  { zh: '驼色', hex: '#b98a5b' },
  { zh: '红色', hex: '#d3302c' },
  { zh: '酒红色', hex: '#7c1f30' },
  { zh: '粉色', hex: '#f1a8bc' },
  { zh: '玫红色', hex: '#d43b7b' },
  { zh: '紫色', hex: '#7e50a9' },
  { zh: '香芋紫', hex: '#b8a4d0' },
  { zh: '黄色', hex: '#f3c431' },
  { zh: '橙色', hex: '#f08b2d' },
  { zh: '绿色', hex: '#3d9b56' },
  { zh: '军绿色', hex: '#5c6439' },
  { zh: '墨绿色', hex: '#244b3b' },
  { zh: '薄荷绿', hex: '#a0d9c1' },
  { zh: '牛油果绿', hex: '#b6ca7b' },
  { zh: '银色', hex: '#c6cad0' },
  { zh: '金色', hex: '#d5af3a' },
  { zh: '玫瑰金', hex: '#e2a99a' },
  { zh: '透明', hex: '#dde8ee' },
  { zh: '原木色', hex: '#caa578' },
  { zh: '正红色', hex: '#c8102e' },
  { zh: '豆沙色', hex: '#b86c6c' },
  { zh: '枫叶红', hex: '#a8332b' },
  { zh: '南瓜色', hex: '#d0622f' },
  { zh: '奶茶色', hex: '#c59b86' },
  { zh: '珊瑚色', hex: '#f07362' },
  { zh: '梅子色', hex: '#7f2c4b' },
  { zh: '浅粉色', hex: '#f7d0da' },
  { zh: '奶白色', hex: '#f3eee3' },
  { zh: '湖蓝色', hex: '#2f97b5' },
] as const;

export type DemoColourName = (typeof demoColours)[number]['zh'];

const indexByName = new Map<string, number>(demoColours.map((c, i) => [c.zh, i]));

/** Index of a colour name in `demoColours`, or -1. */
export function colourIndex(name: string): number {
  return indexByName.get(name) ?? -1;
}
