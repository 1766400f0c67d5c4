import { clear, outline, type Motif } from './paint';

/** Kitchen, home, beauty, baby care and car interior goods, in a ±200 box centred on the origin. */

const metal = 'url(#m)';
const silicone = '#f1dcbd';

const mug: Motif = (p) => `
  <path d="M100,-70 C205,-82 205,100 98,86" fill="none" stroke="${p.line}" stroke-width="34"/>
  <path d="M100,-70 C205,-82 205,100 98,86" fill="none" stroke="${p.base}" stroke-width="26"/>
  <path d="M-112,-130 L112,-130 L104,158 Q0,182 -104,158 Z" fill="url(#b)" ${outline(p)}/>
  <ellipse cx="0" cy="-130" rx="112" ry="26" fill="${p.deep}" ${outline(p)}/>
  <ellipse cx="0" cy="-124" rx="100" ry="18" fill="${p.dark}"/>
  <path d="M-80,-90 L-76,120" stroke="#fff" stroke-width="14" stroke-linecap="round" opacity=".18"/>`;

const pan: Motif = (p) => `
  <path d="M118,18 L200,-58 Q214,-64 206,-44 L134,36 Z" fill="#2e241d" stroke="#151110" stroke-width="3"/>
  <circle cx="128" cy="22" r="7" fill="${metal}"/>
  <path d="M-192,38 L-172,92 Q-30,150 112,92 L132,38 Z" fill="url(#b)" ${outline(p)}/>
  <ellipse cx="-30" cy="38" rx="162" ry="76" fill="${p.light}" ${outline(p)}/>
  <ellipse cx="-30" cy="42" rx="146" ry="64" fill="#2a2a2d"/>
  ${[[-80, 30], [-20, 60], [40, 30], [-60, 70], [10, 20], [-110, 55], [60, 55]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="2.5" fill="#8d8d92"/>`).join('')}
  <ellipse cx="-70" cy="22" rx="60" ry="16" fill="#fff" opacity=".07"/>`;

const storageBox: Motif = (p) => `
  ${p.isClear ? '<rect x="-120" y="0" width="220" height="140" rx="8" fill="#f2b8c6"/><rect x="-60" y="30" width="140" height="110" rx="8" fill="#9cc7e6"/>' : ''}
  <path d="M140,-40 L190,-90 L175,110 L120,170 Z" fill="${p.dark}" ${clear(p, 0.45)} ${outline(p)}/>
  <path d="M-160,-40 L140,-40 L120,170 L-140,170 Z" fill="url(#b)" ${clear(p, 0.4)} ${outline(p)}/>
  <path d="M-176,-42 L156,-42 L206,-96 L-126,-96 Z" fill="${p.light}" ${clear(p, 0.6)} ${outline(p)}/>
  <rect x="-176" y="-56" width="332" height="18" rx="4" fill="${p.base}" ${outline(p, 2)}/>
  <rect x="-40" y="2" width="80" height="22" rx="11" fill="${p.deep}" ${clear(p, 0.6)}/>`;

const pillow: Motif = (p) => `
  <path d="M-170,-150 Q0,-185 170,-150 Q195,0 170,150 Q0,185 -170,150 Q-195,0 -170,-150 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-150,-132 Q0,-160 150,-132 Q170,0 150,132 Q0,160 -150,132 Q-170,0 -150,-132 Z" fill="none" stroke="${p.dark}" stroke-width="3" stroke-dasharray="8 7" opacity=".7"/>
  <path d="M-150,-125 Q-110,-100 -120,-60 M150,125 Q110,100 120,60 M145,-125 Q110,-105 118,-70" fill="none" stroke="${p.deep}" stroke-width="3" opacity=".35"/>
  <ellipse cx="-40" cy="-40" rx="90" ry="60" fill="#fff" opacity=".12"/>`;

const lipstick: Motif = (p) => `
  <g transform="rotate(14 110 120)"><rect x="70" y="20" width="84" height="150" rx="10" fill="#232326"/><rect x="70" y="20" width="84" height="14" fill="#d5af3a"/></g>
  <path d="M-28,-60 L-28,-150 Q-28,-172 28,-200 L28,-60 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-16,-70 L-16,-150 Q-16,-160 0,-172" fill="none" stroke="#fff" stroke-width="6" opacity=".25"/>
  <rect x="-34" y="-64" width="68" height="78" rx="4" fill="#d5af3a" stroke="#8f7424" stroke-width="2"/>
  <rect x="-46" y="8" width="92" height="24" rx="4" fill="#e6c45a" stroke="#8f7424" stroke-width="2"/>
  <rect x="-44" y="30" width="88" height="160" rx="8" fill="#232326"/>
  <path d="M-30,40 L-30,180" stroke="#fff" stroke-width="6" opacity=".12"/>`;

const cosmeticBottle: Motif = (p) => `
  <g transform="translate(45 0)">
    <rect x="-28" y="-104" width="56" height="48" rx="6" fill="${p.light}" ${outline(p, 2)}/>
    <rect x="-10" y="-152" width="20" height="50" fill="#f2f2f0" stroke="#a9a9a5" stroke-width="2"/>
    <path d="M-14,-152 L-14,-174 L64,-174 L64,-160 L14,-160 L14,-152 Z" fill="#f2f2f0" stroke="#a9a9a5" stroke-width="2"/>
    <rect x="-75" y="-60" width="150" height="250" rx="32" fill="url(#b)" ${outline(p)}/>
    <rect x="-52" y="10" width="104" height="110" rx="8" fill="#fff" opacity=".55"/>
  </g>
  <g transform="translate(-115 80)">
    <rect x="-62" y="20" width="124" height="100" rx="18" fill="url(#b)" ${outline(p)}/>
    <rect x="-68" y="-18" width="136" height="44" rx="12" fill="${metal}" stroke="#7d838c" stroke-width="2"/>
  </g>`;

const brush = (angle: number, p: Parameters<Motif>[0]): string => `
  <g transform="rotate(${angle} 0 190)">
    <path d="M-8,190 Q-6,120 -15,40 L15,40 Q6,120 8,190 Z" fill="url(#b)" ${outline(p, 2)}/>
    <rect x="-18" y="-22" width="36" height="64" rx="4" fill="${metal}" stroke="#7d838c" stroke-width="2"/>
    <path d="M-18,-22 C-42,-80 -30,-140 0,-162 C30,-140 42,-80 18,-22 Z" fill="#f1e4d6" stroke="#b49f8a" stroke-width="2"/>
    <path d="M-24,-110 C-20,-140 -10,-152 0,-162 C10,-152 20,-140 24,-110 Q0,-100 -24,-110 Z" fill="${p.base}" opacity=".75"/>
  </g>`;

const makeupBrush: Motif = (p) => `${brush(-24, p)}${brush(24, p)}${brush(0, p)}`;

const sprayBottle: Motif = (p) => `
  <rect x="-30" y="-80" width="60" height="44" rx="4" fill="#f4f4f2" stroke="#a9a9a5" stroke-width="2"/>
  <path d="M-40,-76 L-40,-128 Q-40,-150 -18,-150 L70,-150 L96,-140 L96,-120 L40,-114 L30,-76 Z" fill="#f4f4f2" stroke="#a9a9a5" stroke-width="2.5"/>
  <path d="M10,-110 Q42,-100 32,-58 L16,-60 Q22,-94 0,-104 Z" fill="#e3e3e0" stroke="#a9a9a5" stroke-width="2"/>
  <rect x="94" y="-142" width="14" height="20" rx="3" fill="${p.dark}"/>
  <path d="M-80,-40 L80,-40 L92,180 Q0,196 -92,180 Z" fill="url(#b)" ${outline(p)}/>
  <rect x="-60" y="30" width="120" height="100" rx="10" fill="#fff" opacity=".85"/>
  <rect x="-44" y="52" width="88" height="12" rx="6" fill="${p.base}"/><rect x="-44" y="76" width="60" height="8" rx="4" fill="#cfd2d6"/>`;

const babyBottle: Motif = (p) => `
  <path d="M-40,-85 Q-40,-130 -15,-140 Q-15,-186 0,-190 Q15,-186 15,-140 Q40,-130 40,-85 Z" fill="${silicone}" stroke="#c7a981" stroke-width="2.5"/>
  <rect x="-62" y="58" width="124" height="124" rx="34" fill="#fbf7ee"/>
  <rect x="-72" y="-40" width="144" height="232" rx="44" fill="url(#b)" fill-opacity="${p.isClear ? 0.35 : 0.55}" ${outline(p)}/>
  ${[0, 30, 60, 90, 120].map((y) => `<path d="M-48,${y} L${y % 60 === 0 ? -22 : -32},${y}" stroke="${p.deep}" stroke-width="3"/>`).join('')}
  <rect x="-80" y="-88" width="160" height="52" rx="14" fill="url(#b)" ${outline(p)}/>`;

const pacifier: Motif = (p) => `
  <path d="M-22,-50 Q-32,-150 0,-166 Q32,-150 22,-50 Z" fill="${silicone}" stroke="#c7a981" stroke-width="2.5"/>
  <circle cx="0" cy="96" r="60" fill="none" stroke="${p.line}" stroke-width="24"/>
  <circle cx="0" cy="96" r="60" fill="none" stroke="${p.base}" stroke-width="17"/>
  <path d="M-112,-10 C-132,-92 -40,-96 0,-60 C40,-96 132,-92 112,-10 C100,52 40,42 0,32 C-40,42 -100,52 -112,-10 Z" fill="url(#b)" ${outline(p)}/>
  <circle cx="-62" cy="-22" r="11" fill="${p.deep}"/><circle cx="62" cy="-22" r="11" fill="${p.deep}"/>
  <circle cx="0" cy="0" r="28" fill="${p.light}" ${outline(p, 2)}/>`;

const seatCushion: Motif = (p) => `
  <rect x="-22" y="-150" width="10" height="26" fill="url(#m)"/><rect x="12" y="-150" width="10" height="26" fill="url(#m)"/>
  <rect x="-64" y="-208" width="128" height="64" rx="28" fill="url(#b)" ${outline(p)}/>
  <path d="M-108,-134 Q0,-156 108,-134 Q130,-40 120,52 L-120,52 Q-130,-40 -108,-134 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-108,-134 Q-142,-40 -130,52 L-98,52 Q-106,-40 -84,-138 Z M108,-134 Q142,-40 130,52 L98,52 Q106,-40 84,-138 Z" fill="${p.dark}" ${outline(p, 2)}/>
  <path d="M-30,-140 L-32,50 M30,-140 L32,50" stroke="${p.accent}" stroke-width="2.5" stroke-dasharray="7 6" opacity=".6"/>
  <path d="M-156,48 Q0,28 156,48 Q178,110 164,170 Q0,190 -164,170 Q-178,110 -156,48 Z" fill="url(#bv)" ${outline(p)}/>
  <path d="M-120,60 Q-130,110 -124,164 M120,60 Q130,110 124,164" fill="none" stroke="${p.deep}" stroke-width="3" opacity=".5"/>
  <path d="M-40,44 L-44,176 M40,44 L44,176" stroke="${p.accent}" stroke-width="2.5" stroke-dasharray="7 6" opacity=".6"/>`;

export const homeMotifs = {
  mug, pan, 'storage-box': storageBox, pillow, lipstick, 'cosmetic-bottle': cosmeticBottle, 'makeup-brush': makeupBrush,
  'spray-bottle': sprayBottle, 'baby-bottle': babyBottle, pacifier, 'seat-cushion': seatCushion,
} satisfies Record<string, Motif>;
