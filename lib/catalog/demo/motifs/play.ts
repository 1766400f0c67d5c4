import { clear, mix, outline, type Motif, type Paint } from './paint';

/** Toys, sports, pets, stationery and jewelry, in a ±200 box centred on the origin. */

const metal = 'url(#m)';

const teddy: Motif = (p) => `
  <g ${outline(p)}>
    <circle cx="-86" cy="-150" r="38" fill="${p.base}"/><circle cx="86" cy="-150" r="38" fill="${p.base}"/>
    <ellipse cx="-100" cy="40" rx="36" ry="58" fill="${p.dark}" transform="rotate(30 -100 40)"/>
    <ellipse cx="100" cy="40" rx="36" ry="58" fill="${p.dark}" transform="rotate(-30 100 40)"/>
    <ellipse cx="0" cy="90" rx="102" ry="98" fill="url(#b)"/>
    <ellipse cx="-62" cy="168" rx="46" ry="32" fill="${p.base}"/><ellipse cx="62" cy="168" rx="46" ry="32" fill="${p.base}"/>
    <circle cx="0" cy="-88" r="96" fill="url(#b)"/>
  </g>
  <circle cx="-86" cy="-150" r="20" fill="${p.light}"/><circle cx="86" cy="-150" r="20" fill="${p.light}"/>
  <ellipse cx="0" cy="100" rx="60" ry="62" fill="${p.light}" opacity=".8"/>
  <ellipse cx="-62" cy="172" rx="24" ry="16" fill="${p.light}"/><ellipse cx="62" cy="172" rx="24" ry="16" fill="${p.light}"/>
  <ellipse cx="0" cy="-56" rx="44" ry="33" fill="${p.light}"/>
  <ellipse cx="0" cy="-70" rx="14" ry="10" fill="#2a1a12"/>
  <path d="M0,-60 L0,-44 M-14,-38 Q0,-30 14,-38" fill="none" stroke="#2a1a12" stroke-width="3" stroke-linecap="round"/>
  <circle cx="-36" cy="-106" r="10" fill="#1a1a1a"/><circle cx="36" cy="-106" r="10" fill="#1a1a1a"/>
  <circle cx="-33" cy="-109" r="3" fill="#fff"/><circle cx="39" cy="-109" r="3" fill="#fff"/>
  <path d="M-34,4 L0,18 L34,4 L34,32 L0,18 L-34,32 Z" fill="#d3302c" stroke="#8a1d1a" stroke-width="2"/>`;

const brick = (x: number, y: number, studs: number, colour: string): string => {
  const w = studs * 50;
  const top = mix(colour, '#ffffff', 0.3);
  const side = mix(colour, '#000000', 0.25);
  const line = mix(colour, '#000000', 0.45);
  const studsSvg = Array.from({ length: studs }, (_, i) => {
    const cx = x + 25 + i * 50 + 14;
    return `<rect x="${cx - 15}" y="${y - 26}" width="30" height="14" fill="${side}"/><ellipse cx="${cx}" cy="${y - 12}" rx="15" ry="6" fill="${side}"/><ellipse cx="${cx}" cy="${y - 26}" rx="15" ry="6" fill="${top}" stroke="${line}" stroke-width="1.5"/>`;
  }).join('');
  return `<path d="M${x},${y} L${x + 28},${y - 20} L${x + w + 28},${y - 20} L${x + w},${y} Z" fill="${top}" stroke="${line}" stroke-width="2"/>
    ${studsSvg}
    <path d="M${x + w},${y} L${x + w + 28},${y - 20} L${x + w + 28},${y + 40} L${x + w},${y + 60} Z" fill="${side}" stroke="${line}" stroke-width="2"/>
    <rect x="${x}" y="${y}" width="${w}" height="60" fill="${colour}" stroke="${line}" stroke-width="2"/>`;
};

const blocks: Motif = (p) => {
  const others = ['#f3c431', '#2453b8', '#3d9b56', '#d3302c', '#f08b2d'].filter((c) => c !== p.base);
  return `${brick(-170, 120, 4, p.base)}${brick(60, 140, 2, others[0] ?? p.dark)}${brick(-130, 40, 3, others[1] ?? p.dark)}${brick(-95, -40, 2, p.base)}${brick(-60, -120, 1, others[2] ?? p.dark)}`;
};

const toyCar: Motif = (p) => `
  <path d="M-186,62 L-182,0 Q-172,-26 -120,-32 L-70,-96 Q-55,-112 -30,-112 L60,-112 Q86,-112 100,-92 L142,-36 Q186,-26 192,10 L194,62 Z" fill="url(#bv)" ${outline(p)}/>
  <path d="M-58,-96 L-96,-38 L-10,-38 L-10,-96 Z M6,-96 L6,-38 L122,-38 L86,-92 Z" fill="#a9d1ee" stroke="${p.line}" stroke-width="2.5"/>
  <path d="M-40,-90 L-64,-50" stroke="#fff" stroke-width="6" opacity=".5"/>
  <ellipse cx="182" cy="8" rx="10" ry="12" fill="#ffe27a"/><rect x="-192" y="20" width="14" height="20" rx="4" fill="#ff6b5b"/>
  ${[-110, 116].map((x) => `<circle cx="${x}" cy="70" r="54" fill="#232427"/><circle cx="${x}" cy="70" r="27" fill="${metal}" stroke="#7d838c" stroke-width="2"/><circle cx="${x}" cy="70" r="8" fill="#55585e"/>`).join('')}`;

const plate = (x: number, p: Paint): string =>
  `<path d="M${x - 45},-70 L${x - 25},-100 L${x + 25},-100 L${x + 45},-70 L${x + 45},70 L${x + 25},100 L${x - 25},100 L${x - 45},70 Z" fill="url(#b)" ${outline(p)}/>
   <path d="M${x - 30},-80 L${x - 30},80" stroke="#fff" stroke-width="5" opacity=".18"/>`;

const dumbbell: Motif = (p) => `
  <rect x="-120" y="-15" width="240" height="30" rx="10" fill="${metal}" stroke="#6f757e" stroke-width="2"/>
  ${Array.from({ length: 11 }, (_, i) => `<path d="M${-50 + i * 10},-14 L${-44 + i * 10},14" stroke="#6f757e" stroke-width="2"/>`).join('')}
  <rect x="-98" y="-32" width="18" height="64" rx="4" fill="${metal}"/><rect x="80" y="-32" width="18" height="64" rx="4" fill="${metal}"/>
  ${plate(-140, p)}${plate(140, p)}`;

const yogaMat: Motif = (p) => `
  <path d="M-165,92 L175,92 L200,172 L-140,172 Z" fill="${p.base}" ${outline(p)}/>
  <path d="M-150,108 L180,108" stroke="${p.dark}" stroke-width="2" opacity=".4"/>
  <path d="M-120,-72 L130,-72 A46 82 0 0 1 130,92 L-120,92 Z" fill="url(#bv)" ${outline(p)}/>
  <rect x="52" y="-74" width="22" height="168" rx="4" fill="${p.deep}"/>
  <ellipse cx="-120" cy="10" rx="46" ry="82" fill="${p.light}" ${outline(p)}/>
  ${[[34, 62], [24, 45], [15, 28], [6, 11]].map(([rx, ry]) => `<ellipse cx="-118" cy="10" rx="${rx}" ry="${ry}" fill="none" stroke="${p.dark}" stroke-width="3"/>`).join('')}`;

const tent: Motif = (p) => `
  <path d="M-190,150 L-215,182 M190,150 L215,182 M-120,40 L-200,182 M120,40 L200,182" stroke="#8a8a86" stroke-width="2"/>
  <path d="M-190,152 Q-150,-20 0,-132 Q150,-20 190,152 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-190,152 Q-60,20 0,-132 Q60,20 190,152" fill="none" stroke="${p.deep}" stroke-width="5"/>
  <path d="M-72,152 Q-62,20 0,-22 Q62,20 72,152 Z" fill="${p.dark}" ${outline(p, 2)}/>
  <path d="M0,-22 Q62,20 72,152 L6,152 Q20,40 0,-22 Z" fill="#1f2326" opacity=".8"/>
  <ellipse cx="110" cy="40" rx="26" ry="18" fill="${p.deep}" opacity=".6"/>`;

const ball: Motif = (p) => `
  <circle cx="0" cy="0" r="172" fill="url(#b)" ${outline(p)}/>
  <g fill="none" stroke="${p.deep}" stroke-width="6" stroke-linecap="round">
    <path d="M0,-172 Q62,0 0,172"/><path d="M-172,0 L172,0"/>
    <path d="M-122,-122 Q-40,0 -122,122"/><path d="M122,-122 Q40,0 122,122"/>
  </g>
  <ellipse cx="-62" cy="-78" rx="62" ry="38" fill="#fff" opacity=".2" transform="rotate(-35 -62 -78)"/>`;

const petBowl: Motif = (p) => `
  <path d="M-182,-20 L182,-20 L142,132 Q0,152 -142,132 Z" fill="url(#b)" ${outline(p)}/>
  <ellipse cx="0" cy="-20" rx="182" ry="42" fill="${p.light}" ${outline(p)}/>
  <ellipse cx="0" cy="-16" rx="152" ry="30" fill="${p.dark}"/>
  ${[[-40, -20], [-10, -12], [25, -22], [55, -14], [-70, -12], [5, -28]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="9" fill="#8b5a32" stroke="#5e3b1f" stroke-width="1.5"/>`).join('')}
  <ellipse cx="0" cy="76" rx="24" ry="19" fill="${p.accent}" opacity=".65"/>
  ${[[-26, 48], [-9, 40], [9, 40], [26, 48]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="8.5" fill="${p.accent}" opacity=".65"/>`).join('')}`;

const boneShape = (attrs: string): string =>
  `<g ${attrs}><rect x="-125" y="-32" width="250" height="64" rx="10"/><circle cx="-132" cy="-36" r="44"/><circle cx="-132" cy="36" r="44"/><circle cx="132" cy="-36" r="44"/><circle cx="132" cy="36" r="44"/></g>`;

// Drawn twice (outline underneath, fill on top) so the overlapping parts read as one shape.
const bone: Motif = (p) => `<g transform="rotate(-22)">
  ${boneShape(`fill="${p.line}" stroke="${p.line}" stroke-width="8"`)}${boneShape('fill="url(#bv)"')}
  ${[[-60, -8], [-20, 10], [30, -10], [70, 8], [-140, -40], [140, 34]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="6" fill="${p.dark}"/>`).join('')}</g>`;

const petBed: Motif = (p) => `
  <ellipse cx="0" cy="60" rx="194" ry="112" fill="${p.dark}" ${outline(p)}/>
  <ellipse cx="0" cy="40" rx="190" ry="104" fill="url(#bv)" ${outline(p)}/>
  <ellipse cx="0" cy="46" rx="128" ry="60" fill="${p.deep}" opacity=".5"/>
  <ellipse cx="0" cy="54" rx="122" ry="52" fill="${p.light}" ${outline(p, 2)}/>
  <path d="M-100,50 Q0,80 100,50" fill="none" stroke="${p.dark}" stroke-width="3" stroke-dasharray="7 6" opacity=".6"/>`;

const collar: Motif = (p) => `
  <ellipse cx="0" cy="0" rx="150" ry="108" fill="none" stroke="${p.line}" stroke-width="42"/>
  <ellipse cx="0" cy="0" rx="150" ry="108" fill="none" stroke="${p.base}" stroke-width="34"/>
  <ellipse cx="0" cy="0" rx="150" ry="108" fill="none" stroke="${p.accent}" stroke-width="2" stroke-dasharray="8 7" opacity=".6"/>
  <rect x="-176" y="-26" width="52" height="52" rx="8" fill="none" stroke="#aeb3ba" stroke-width="8"/>
  <circle cx="0" cy="134" r="20" fill="none" stroke="#aeb3ba" stroke-width="7"/>
  <circle cx="0" cy="172" r="26" fill="#e0be4a" stroke="#9c7f22" stroke-width="3"/>`;

const pen = (x: number, p: Paint): string => `
  <g transform="translate(${x} 0) rotate(32)">
    <rect x="-8" y="-196" width="16" height="26" rx="4" fill="${p.deep}"/>
    <rect x="-15" y="-174" width="30" height="300" rx="12" fill="url(#b)" ${clear(p, 0.7)} ${outline(p, 2)}/>
    <rect x="-16" y="70" width="32" height="58" rx="10" fill="${p.deep}"/>
    <path d="M-14,126 L14,126 L4,172 L-4,172 Z" fill="#d9dce1" stroke="#8a9099" stroke-width="2"/>
    <path d="M14,-154 L24,-154 L24,-26 Q19,-14 14,-26 Z" fill="${metal}" stroke="#7d838c" stroke-width="1.5"/>
  </g>`;

const pens: Motif = (p) => `${pen(-80, p)}${pen(0, p)}${pen(80, p)}`;

const notebook: Motif = (p) => `
  <rect x="-122" y="-170" width="270" height="340" rx="10" fill="#f7f5ee" stroke="#b8b4a8" stroke-width="2"/>
  <rect x="-132" y="-176" width="270" height="350" rx="14" fill="url(#b)" ${outline(p)}/>
  ${Array.from({ length: 12 }, (_, i) => `<rect x="-150" y="${-158 + i * 28}" width="34" height="12" rx="6" fill="none" stroke="#9aa0a8" stroke-width="5"/>`).join('')}
  <rect x="96" y="-176" width="14" height="350" fill="${p.deep}"/>
  <rect x="-62" y="-100" width="130" height="60" rx="6" fill="#fff" opacity=".7"/>`;

const necklace: Motif = (p) => `
  <path d="M-150,-190 C-150,40 150,40 150,-190" fill="none" stroke="${p.deep}" stroke-width="8"/>
  <path d="M-150,-190 C-150,40 150,40 150,-190" fill="none" stroke="${p.light}" stroke-width="7" stroke-dasharray="7 4"/>
  <circle cx="0" cy="24" r="10" fill="none" stroke="${p.base}" stroke-width="5"/>
  <path d="M0,122 C-64,70 -64,16 -26,16 C-10,16 0,26 0,38 C0,26 10,16 26,16 C64,16 64,70 0,122 Z" fill="url(#b)" ${outline(p)}/>
  <circle cx="0" cy="58" r="10" fill="#eef6ff" stroke="#9fb3c8" stroke-width="2"/>`;

const hoop = (x: number, p: Paint): string => `
  <circle cx="${x}" cy="-140" r="13" fill="url(#b)" ${outline(p, 2)}/>
  <ellipse cx="${x}" cy="-40" rx="56" ry="86" fill="none" stroke="${p.deep}" stroke-width="19"/>
  <ellipse cx="${x}" cy="-40" rx="56" ry="86" fill="none" stroke="${p.base}" stroke-width="13"/>
  <ellipse cx="${x - 20}" cy="-80" rx="10" ry="30" fill="none" stroke="#fff" stroke-width="4" opacity=".35"/>
  <circle cx="${x}" cy="82" r="30" fill="url(#pearl)" stroke="#cfc6b8" stroke-width="2"/>`;

const earring: Motif = (p) => `${hoop(-82, p)}${hoop(82, p)}`;

const ring: Motif = (p) => `
  <ellipse cx="0" cy="60" rx="128" ry="62" fill="none" stroke="${p.deep}" stroke-width="30"/>
  <ellipse cx="0" cy="60" rx="128" ry="62" fill="none" stroke="${p.base}" stroke-width="22"/>
  <path d="M-120,80 Q0,140 120,80" fill="none" stroke="${p.light}" stroke-width="6" opacity=".7"/>
  <path d="M-30,0 L-40,-40 M30,0 L40,-40 M0,0 L0,-40" stroke="${p.dark}" stroke-width="8"/>
  <path d="M-52,-62 L52,-62 L70,-32 L0,30 L-70,-32 Z" fill="#eaf4ff" stroke="#8fa6bd" stroke-width="3"/>
  <path d="M-52,-62 L-20,-32 L0,30 M52,-62 L20,-32 L0,30 M-70,-32 L70,-32 M-20,-32 L0,-62 L20,-32" fill="none" stroke="#a9bed3" stroke-width="2"/>`;

const hairClip: Motif = (p) => {
  const teeth = (dx: number, fill: string) =>
    [-150, -100, -50, 0, 50, 100, 150]
      .map((x) => `<path d="M${x + dx - 17},-24 L${x + dx + 17},-24 Q${x + dx + 14},90 ${x + dx + 4},138 Q${x + dx},150 ${x + dx - 4},138 Q${x + dx - 14},90 ${x + dx - 17},-24 Z" fill="${fill}" ${clear(p, 0.7)} ${outline(p, 2)}/>`)
      .join('');
  return `${teeth(24, p.dark)}${teeth(0, 'url(#b)')}
  <path d="M-172,-20 L-172,-62 Q-172,-142 -90,-142 L90,-142 Q172,-142 172,-62 L172,-20 Z" fill="url(#b)" ${clear(p, 0.7)} ${outline(p)}/>
  <rect x="-32" y="-112" width="64" height="26" rx="6" fill="${metal}" stroke="#7d838c" stroke-width="2"/>`;
};

export const playMotifs = {
  teddy, blocks, 'toy-car': toyCar, dumbbell, 'yoga-mat': yogaMat, tent, ball, 'pet-bowl': petBowl, bone, 'pet-bed': petBed,
  collar, pen: pens, notebook, necklace, earring, ring, 'hair-clip': hairClip,
} satisfies Record<string, Motif>;
