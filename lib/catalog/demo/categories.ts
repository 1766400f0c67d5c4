/**
 * The demo category tree: 15 top-level categories, 3–4 leaves each.
 *
 * Slugs are stable (the seed and storefront URLs key on them). Category ids are shaped like
 * 1688's (small numbers for old top-level categories, 7-digit ids for leaves) but are our own:
 * never map them to real 1688 categories. The menu labels are hand-written per UI locale because
 * a storefront menu is the first thing a shopper reads; machine translation is for product text.
 */

export const demoLocales = ['en', 'zh-CN', 'es', 'fr', 'de', 'ja', 'ko', 'ar', 'ru', 'pt'] as const;
export type DemoLocale = (typeof demoLocales)[number];
export type LocaleNames = Readonly<Record<DemoLocale, string>>;

export type DemoCategory = {
  slug: string;
  categoryId: string;
  nameZh: string;
  nameEn: string;
  names: LocaleNames;
};
export type DemoTopCategory = DemoCategory & {
  /** Relative share of generated offers (clothing dominates 1688, car parts do not). */
  weight: number;
  children: readonly DemoCategory[];
};
export type DemoLeafCategory = DemoCategory & { parent: DemoTopCategory };

/** Labels in `demoLocales` order: en, zh-CN, es, fr, de, ja, ko, ar, ru, pt. */
type Labels = readonly [string, string, string, string, string, string, string, string, string, string];

function cat(slug: string, categoryId: number, labels: Labels): DemoCategory {
  const names = Object.fromEntries(demoLocales.map((locale, i) => [locale, labels[i]])) as LocaleNames;
  return { slug, categoryId: String(categoryId), nameZh: names['zh-CN'], nameEn: names.en, names };
}

function top(slug: string, categoryId: number, weight: number, labels: Labels, children: DemoCategory[]): DemoTopCategory {
  return { ...cat(slug, categoryId, labels), weight, children };
}

export const demoCategoryTree: readonly DemoTopCategory[] = [
  top('womens-clothing', 10166, 16, ["Women's Clothing", '女装', 'Ropa de mujer', 'Vêtements femme', 'Damenbekleidung', 'レディースファッション', '여성 의류', 'ملابس نسائية', 'Женская одежда', 'Roupas femininas'], [
    cat('womens-dresses', 1037024, ['Dresses', '连衣裙', 'Vestidos', 'Robes', 'Kleider', 'ワンピース', '원피스', 'فساتين', 'Платья', 'Vestidos']),
    cat('womens-t-shirts', 1037031, ["Women's T-Shirts", '女士T恤', 'Camisetas de mujer', 'T-shirts femme', 'Damen-T-Shirts', 'レディースTシャツ', '여성 티셔츠', 'تيشيرتات نسائية', 'Женские футболки', 'Camisetas femininas']),
    cat('womens-trousers', 1037035, ["Women's Trousers", '女裤', 'Pantalones de mujer', 'Pantalons femme', 'Damenhosen', 'レディースパンツ', '여성 바지', 'بناطيل نسائية', 'Женские брюки', 'Calças femininas']),
    cat('womens-coats', 1037042, ['Coats & Jackets', '女士外套', 'Abrigos y chaquetas', 'Manteaux et vestes', 'Mäntel & Jacken', 'コート・ジャケット', '코트·재킷', 'معاطف وجاكيتات', 'Пальто и куртки', 'Casacos e jaquetas']),
  ]),
  top('mens-clothing', 10165, 11, ["Men's Clothing", '男装', 'Ropa de hombre', 'Vêtements homme', 'Herrenbekleidung', 'メンズファッション', '남성 의류', 'ملابس رجالية', 'Мужская одежда', 'Roupas masculinas'], [
    cat('mens-t-shirts', 1037112, ["Men's T-Shirts", '男士T恤', 'Camisetas de hombre', 'T-shirts homme', 'Herren-T-Shirts', 'メンズTシャツ', '남성 티셔츠', 'تيشيرتات رجالية', 'Мужские футболки', 'Camisetas masculinas']),
    cat('mens-shirts', 1037118, ["Men's Shirts", '男士衬衫', 'Camisas de hombre', 'Chemises homme', 'Herrenhemden', 'メンズシャツ', '남성 셔츠', 'قمصان رجالية', 'Мужские рубашки', 'Camisas masculinas']),
    cat('mens-hoodies', 1037125, ['Hoodies & Sweatshirts', '卫衣', 'Sudaderas', 'Sweats et hoodies', 'Hoodies & Sweatshirts', 'パーカー・スウェット', '후드티·맨투맨', 'هوديز وسويت شيرت', 'Худи и свитшоты', 'Moletons']),
    cat('mens-trousers', 1037131, ["Men's Trousers", '男裤', 'Pantalones de hombre', 'Pantalons homme', 'Herrenhosen', 'メンズパンツ', '남성 바지', 'بناطيل رجالية', 'Мужские брюки', 'Calças masculinas']),
  ]),
  top('shoes', 1038378, 9, ['Shoes', '鞋靴', 'Calzado', 'Chaussures', 'Schuhe', '靴・シューズ', '신발', 'أحذية', 'Обувь', 'Calçados'], [
    cat('sneakers', 1038401, ['Sneakers', '运动鞋', 'Zapatillas', 'Baskets', 'Sneaker', 'スニーカー', '운동화', 'أحذية رياضية', 'Кроссовки', 'Tênis']),
    cat('sandals-slippers', 1038407, ['Sandals & Slippers', '凉鞋拖鞋', 'Sandalias y chanclas', 'Sandales et claquettes', 'Sandalen & Pantoletten', 'サンダル・スリッパ', '샌들·슬리퍼', 'صنادل وشباشب', 'Сандалии и шлёпанцы', 'Sandálias e chinelos']),
    cat('boots', 1038412, ['Boots', '靴子', 'Botas', 'Bottes', 'Stiefel', 'ブーツ', '부츠', 'أحذية برقبة', 'Сапоги и ботинки', 'Botas']),
    cat('canvas-shoes', 1038419, ['Canvas Shoes', '帆布鞋', 'Zapatillas de lona', 'Chaussures en toile', 'Canvas-Schuhe', 'キャンバススニーカー', '캔버스화', 'أحذية قماشية', 'Кеды', 'Tênis de lona']),
  ]),
  top('bags-luggage', 1042954, 7, ['Bags & Luggage', '箱包', 'Bolsos y equipaje', 'Sacs et bagages', 'Taschen & Koffer', 'バッグ・スーツケース', '가방·캐리어', 'حقائب وأمتعة', 'Сумки и чемоданы', 'Bolsas e malas'], [
    cat('handbags', 1042961, ['Handbags', '女包', 'Bolsos de mano', 'Sacs à main', 'Handtaschen', 'ハンドバッグ', '핸드백', 'حقائب يد', 'Женские сумки', 'Bolsas femininas']),
    cat('backpacks', 1042968, ['Backpacks', '双肩包', 'Mochilas', 'Sacs à dos', 'Rucksäcke', 'リュックサック', '백팩', 'حقائب ظهر', 'Рюкзаки', 'Mochilas']),
    cat('luggage', 1042973, ['Suitcases', '拉杆箱', 'Maletas', 'Valises', 'Koffer', 'スーツケース', '캐리어', 'حقائب سفر', 'Чемоданы', 'Malas de viagem']),
    cat('wallets', 1042980, ['Wallets', '钱包', 'Carteras', 'Portefeuilles', 'Geldbörsen', '財布', '지갑', 'محافظ', 'Кошельки', 'Carteiras']),
  ]),
  top('phone-accessories', 1043351, 8, ['Phone Accessories', '手机配件', 'Accesorios para móviles', 'Accessoires téléphone', 'Handyzubehör', 'スマホアクセサリー', '휴대폰 액세서리', 'إكسسوارات الهاتف', 'Аксессуары для телефонов', 'Acessórios para celular'], [
    cat('phone-cases', 1043358, ['Phone Cases', '手机壳', 'Fundas para móvil', 'Coques de téléphone', 'Handyhüllen', 'スマホケース', '휴대폰 케이스', 'أغطية الهاتف', 'Чехлы для телефонов', 'Capinhas de celular']),
    cat('charging-cables', 1043364, ['Charging Cables', '数据线', 'Cables de carga', 'Câbles de charge', 'Ladekabel', '充電ケーブル', '충전 케이블', 'كابلات الشحن', 'Зарядные кабели', 'Cabos de carregamento']),
    cat('chargers', 1043370, ['Chargers', '充电器', 'Cargadores', 'Chargeurs', 'Ladegeräte', '充電器', '충전기', 'شواحن', 'Зарядные устройства', 'Carregadores']),
    cat('phone-stands', 1043377, ['Phone Stands', '手机支架', 'Soportes para móvil', 'Supports de téléphone', 'Handyständer', 'スマホスタンド', '휴대폰 거치대', 'حوامل الهاتف', 'Подставки для телефона', 'Suportes para celular']),
  ]),
  top('electronics', 1043500, 6, ['Consumer Electronics', '数码电子', 'Electrónica', 'Électronique', 'Elektronik', '家電・デジタル', '디지털·가전', 'إلكترونيات', 'Электроника', 'Eletrônicos'], [
    cat('earbuds', 1043512, ['Wireless Earbuds', '蓝牙耳机', 'Auriculares inalámbricos', 'Écouteurs sans fil', 'Kabellose Ohrhörer', 'ワイヤレスイヤホン', '무선 이어폰', 'سماعات لاسلكية', 'Беспроводные наушники', 'Fones de ouvido sem fio']),
    cat('smartwatches', 1043518, ['Smartwatches', '智能手表', 'Relojes inteligentes', 'Montres connectées', 'Smartwatches', 'スマートウォッチ', '스마트워치', 'ساعات ذكية', 'Смарт-часы', 'Relógios inteligentes']),
    cat('power-banks', 1043525, ['Power Banks', '充电宝', 'Baterías externas', 'Batteries externes', 'Powerbanks', 'モバイルバッテリー', '보조배터리', 'شواحن متنقلة', 'Внешние аккумуляторы', 'Carregadores portáteis']),
    cat('bluetooth-speakers', 1043531, ['Bluetooth Speakers', '蓝牙音箱', 'Altavoces Bluetooth', 'Enceintes Bluetooth', 'Bluetooth-Lautsprecher', 'Bluetoothスピーカー', '블루투스 스피커', 'مكبرات صوت بلوتوث', 'Bluetooth-колонки', 'Caixas de som Bluetooth']),
  ]),
  top('home-kitchen', 13, 10, ['Home & Kitchen', '家居厨房', 'Hogar y cocina', 'Maison et cuisine', 'Haushalt & Küche', 'ホーム・キッチン', '홈·주방', 'المنزل والمطبخ', 'Дом и кухня', 'Casa e cozinha'], [
    cat('drinkware', 1044102, ['Cups & Mugs', '水杯', 'Tazas y vasos', 'Tasses et mugs', 'Tassen & Becher', 'マグカップ・タンブラー', '컵·텀블러', 'أكواب وفناجين', 'Кружки и стаканы', 'Canecas e copos']),
    cat('cookware', 1044109, ['Cookware', '锅具', 'Ollas y sartenes', 'Casseroles et poêles', 'Kochgeschirr', '鍋・フライパン', '냄비·프라이팬', 'أواني الطهي', 'Посуда для готовки', 'Panelas']),
    cat('storage', 1044115, ['Storage & Organization', '收纳整理', 'Almacenaje y organización', 'Rangement', 'Aufbewahrung', '収納用品', '수납·정리', 'التخزين والتنظيم', 'Хранение вещей', 'Organização']),
    cat('home-textiles', 1044121, ['Home Textiles', '家纺布艺', 'Textiles para el hogar', 'Linge de maison', 'Heimtextilien', '寝具・ファブリック', '홈패브릭', 'مفروشات منزلية', 'Домашний текстиль', 'Cama, mesa e banho']),
  ]),
  top('beauty', 97, 6, ['Beauty & Personal Care', '美妆个护', 'Belleza y cuidado personal', 'Beauté et soins', 'Beauty & Körperpflege', 'コスメ・美容', '뷰티·퍼스널케어', 'الجمال والعناية الشخصية', 'Красота и уход', 'Beleza e cuidados pessoais'], [
    cat('lipsticks', 1045202, ['Lipsticks', '口红', 'Pintalabios', 'Rouges à lèvres', 'Lippenstifte', '口紅', '립스틱', 'أحمر الشفاه', 'Губная помада', 'Batons']),
    cat('skincare', 1045208, ['Skincare', '护肤品', 'Cuidado de la piel', 'Soins de la peau', 'Hautpflege', 'スキンケア', '스킨케어', 'العناية بالبشرة', 'Уход за кожей', 'Cuidados com a pele']),
    cat('makeup-tools', 1045215, ['Makeup Tools', '美妆工具', 'Brochas y accesorios de maquillaje', 'Accessoires de maquillage', 'Make-up-Zubehör', 'メイク道具', '메이크업 도구', 'أدوات المكياج', 'Инструменты для макияжа', 'Acessórios de maquiagem']),
  ]),
  top('toys', 1813, 5, ['Toys', '玩具', 'Juguetes', 'Jouets', 'Spielzeug', 'おもちゃ', '장난감', 'ألعاب', 'Игрушки', 'Brinquedos'], [
    cat('plush-toys', 1046301, ['Plush Toys', '毛绒玩具', 'Peluches', 'Peluches', 'Plüschtiere', 'ぬいぐるみ', '봉제인형', 'ألعاب محشوة', 'Мягкие игрушки', 'Pelúcias']),
    cat('building-blocks', 1046308, ['Building Blocks', '积木', 'Bloques de construcción', 'Jeux de construction', 'Bausteine', 'ブロック玩具', '블록 장난감', 'مكعبات البناء', 'Конструкторы', 'Blocos de montar']),
    cat('rc-toys', 1046314, ['Remote Control Toys', '遥控玩具', 'Juguetes teledirigidos', 'Jouets télécommandés', 'Ferngesteuertes Spielzeug', 'ラジコン', 'RC 장난감', 'ألعاب التحكم عن بعد', 'Радиоуправляемые игрушки', 'Brinquedos de controle remoto']),
  ]),
  top('sports-outdoor', 18, 5, ['Sports & Outdoors', '运动户外', 'Deportes y aire libre', 'Sports et plein air', 'Sport & Outdoor', 'スポーツ・アウトドア', '스포츠·아웃도어', 'الرياضة والهواء الطلق', 'Спорт и отдых', 'Esportes e lazer'], [
    cat('fitness-equipment', 1047402, ['Fitness Equipment', '健身器材', 'Equipamiento de fitness', 'Équipement de fitness', 'Fitnessgeräte', 'フィットネス用品', '헬스 용품', 'معدات اللياقة البدنية', 'Тренажёры и инвентарь', 'Equipamentos de ginástica']),
    cat('yoga', 1047408, ['Yoga', '瑜伽用品', 'Yoga', 'Yoga', 'Yoga', 'ヨガ用品', '요가 용품', 'مستلزمات اليوغا', 'Товары для йоги', 'Ioga']),
    cat('camping', 1047415, ['Camping & Hiking', '户外露营', 'Camping y senderismo', 'Camping et randonnée', 'Camping & Wandern', 'キャンプ・登山', '캠핑·등산', 'التخييم والمشي', 'Кемпинг и походы', 'Camping e trilhas']),
    cat('ball-sports', 1047421, ['Ball Sports', '球类运动', 'Deportes de pelota', 'Sports de balle', 'Ballsport', '球技用品', '구기 스포츠', 'رياضات الكرة', 'Игры с мячом', 'Esportes com bola']),
  ]),
  top('pet-supplies', 1048501, 4, ['Pet Supplies', '宠物用品', 'Productos para mascotas', 'Animalerie', 'Tierbedarf', 'ペット用品', '반려동물 용품', 'مستلزمات الحيوانات الأليفة', 'Товары для животных', 'Produtos para pets'], [
    cat('pet-bowls', 1048508, ['Bowls & Feeders', '宠物碗', 'Comederos', 'Gamelles', 'Futternäpfe', 'フードボウル', '밥그릇·급식기', 'أوعية الطعام', 'Миски', 'Comedouros']),
    cat('pet-toys', 1048514, ['Pet Toys', '宠物玩具', 'Juguetes para mascotas', 'Jouets pour animaux', 'Tierspielzeug', 'ペットのおもちゃ', '반려동물 장난감', 'ألعاب الحيوانات الأليفة', 'Игрушки для животных', 'Brinquedos para pets']),
    cat('pet-beds', 1048521, ['Pet Beds', '宠物窝', 'Camas para mascotas', 'Paniers et coussins', 'Tierbetten', 'ペットベッド', '반려동물 방석', 'أسرّة الحيوانات الأليفة', 'Лежанки', 'Caminhas para pets']),
    cat('pet-collars', 1048527, ['Collars & Leashes', '项圈牵引', 'Collares y correas', 'Colliers et laisses', 'Halsbänder & Leinen', '首輪・リード', '목줄·하네스', 'أطواق ومقاود', 'Ошейники и поводки', 'Coleiras e guias']),
  ]),
  top('stationery-office', 67, 4, ['Stationery & Office', '文具办公', 'Papelería y oficina', 'Papeterie et bureau', 'Schreibwaren & Büro', '文房具・事務用品', '문구·사무용품', 'القرطاسية ومستلزمات المكتب', 'Канцелярия', 'Papelaria e escritório'], [
    cat('pens', 1049602, ['Pens', '笔类', 'Bolígrafos', 'Stylos', 'Stifte', 'ペン', '펜', 'أقلام', 'Ручки', 'Canetas']),
    cat('notebooks', 1049608, ['Notebooks', '笔记本', 'Cuadernos', 'Carnets et cahiers', 'Notizbücher', 'ノート', '노트', 'دفاتر', 'Блокноты и тетради', 'Cadernos']),
    cat('pencil-cases', 1049615, ['Pencil Cases', '笔袋', 'Estuches', 'Trousses', 'Federmäppchen', 'ペンケース', '필통', 'مقالم', 'Пеналы', 'Estojos']),
  ]),
  top('jewelry', 54, 5, ['Jewelry & Accessories', '饰品', 'Bisutería y complementos', 'Bijoux et accessoires', 'Schmuck & Accessoires', 'アクセサリー', '주얼리·액세서리', 'مجوهرات وإكسسوارات', 'Украшения', 'Bijuterias e acessórios'], [
    cat('necklaces', 1050702, ['Necklaces', '项链', 'Collares', 'Colliers', 'Halsketten', 'ネックレス', '목걸이', 'قلادات', 'Колье и цепочки', 'Colares']),
    cat('earrings', 1050708, ['Earrings', '耳饰', 'Pendientes', "Boucles d'oreilles", 'Ohrringe', 'ピアス・イヤリング', '귀걸이', 'أقراط', 'Серьги', 'Brincos']),
    cat('rings', 1050715, ['Rings', '戒指', 'Anillos', 'Bagues', 'Ringe', 'リング', '반지', 'خواتم', 'Кольца', 'Anéis']),
    cat('hair-accessories', 1050721, ['Hair Accessories', '发饰', 'Accesorios para el pelo', 'Accessoires cheveux', 'Haarschmuck', 'ヘアアクセサリー', '헤어 액세서리', 'إكسسوارات الشعر', 'Аксессуары для волос', 'Acessórios de cabelo']),
  ]),
  top('baby-maternity', 1501, 4, ['Mother & Baby', '母婴', 'Bebé y maternidad', 'Bébé et maternité', 'Baby & Kleinkind', 'マタニティ・ベビー', '출산·유아', 'الأم والطفل', 'Товары для мам и малышей', 'Mamãe e bebê'], [
    cat('baby-bottles', 1051802, ['Baby Bottles', '奶瓶', 'Biberones', 'Biberons', 'Babyflaschen', '哺乳瓶', '젖병', 'رضّاعات', 'Бутылочки', 'Mamadeiras']),
    cat('baby-clothing', 1051808, ['Baby Clothing', '婴儿服装', 'Ropa de bebé', 'Vêtements bébé', 'Babykleidung', 'ベビー服', '아기옷', 'ملابس الرضّع', 'Одежда для малышей', 'Roupas de bebê']),
    cat('pacifiers-teethers', 1051815, ['Pacifiers & Teethers', '安抚奶嘴牙胶', 'Chupetes y mordedores', 'Tétines et anneaux de dentition', 'Schnuller & Beißringe', 'おしゃぶり・歯固め', '쪽쪽이·치발기', 'لهايات وعضّاضات', 'Пустышки и прорезыватели', 'Chupetas e mordedores']),
  ]),
  top('auto-accessories', 55, 4, ['Car Accessories', '汽车用品', 'Accesorios para coche', 'Accessoires auto', 'Autozubehör', 'カー用品', '자동차 용품', 'إكسسوارات السيارات', 'Автотовары', 'Acessórios automotivos'], [
    cat('car-phone-holders', 1052902, ['Car Phone Holders', '车载手机支架', 'Soportes de móvil para coche', 'Supports téléphone voiture', 'Kfz-Handyhalterungen', '車載スマホホルダー', '차량용 휴대폰 거치대', 'حوامل هاتف للسيارة', 'Автодержатели для телефона', 'Suportes veiculares para celular']),
    cat('car-seat-cushions', 1052908, ['Seat Covers & Cushions', '汽车坐垫', 'Fundas y cojines de asiento', 'Housses et coussins de siège', 'Sitzbezüge & Sitzauflagen', 'シートカバー・クッション', '시트 커버·방석', 'أغطية ووسائد المقاعد', 'Чехлы и накидки на сиденья', 'Capas e almofadas para banco']),
    cat('car-cleaning', 1052915, ['Car Cleaning', '洗车用品', 'Limpieza del coche', 'Nettoyage auto', 'Autopflege', '洗車用品', '세차 용품', 'تنظيف السيارات', 'Уход за автомобилем', 'Limpeza automotiva']),
    cat('car-chargers', 1052921, ['Car Chargers', '车载充电器', 'Cargadores de coche', 'Chargeurs voiture', 'Kfz-Ladegeräte', 'カーチャージャー', '차량용 충전기', 'شواحن السيارة', 'Автомобильные зарядные устройства', 'Carregadores veiculares']),
  ]),
];

/** Every leaf with its parent attached, in tree order. */
export const demoLeafCategories: readonly DemoLeafCategory[] = demoCategoryTree.flatMap((parent) =>
  parent.children.map((child) => ({ ...child, parent })),
);

const bySlug = new Map<string, DemoCategory>();
for (const parent of demoCategoryTree) {
  bySlug.set(parent.slug, parent);
  for (const child of parent.children) bySlug.set(child.slug, child);
}

export function findDemoCategory(slug: string): DemoCategory | undefined {
  return bySlug.get(slug);
}
