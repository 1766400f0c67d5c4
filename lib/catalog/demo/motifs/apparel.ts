import { outline, type Motif } from './paint';

/**
 * Garments and shoes, drawn flat-lay (garments) or in side profile (shoes) in a ±200 box
 * centred on the origin, resting on y ≈ 190.
 */

const tshirt: Motif = (p) => `
  <path d="M-62,-168 C-40,-150 40,-150 62,-168 C40,-140 -40,-140 -62,-168 Z" fill="${p.deep}"/>
  <path d="M-62,-168 C-40,-138 40,-138 62,-168 L128,-142 L196,-62 L146,-18 L122,-44 L122,178 Q0,188 -122,178 L-122,-44 L-146,-18 L-196,-62 L-128,-142 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-62,-168 C-40,-132 40,-132 62,-168" fill="none" stroke="${p.dark}" stroke-width="9"/>
  <path d="M-157,-30 L-190,-58 M157,-30 L190,-58 M-120,160 Q0,170 120,160" fill="none" stroke="${p.dark}" stroke-width="3" opacity=".6"/>
  <path d="M-122,-44 Q-100,60 -115,170 L-122,170 Z" fill="#000" opacity=".08"/>`;

const shirt: Motif = (p) => `
  <path d="M-60,-170 L-20,-150 L0,-118 L20,-150 L60,-170 L130,-145 Q172,-80 190,100 L150,110 L125,-40 L125,180 L-125,180 L-125,-40 L-150,110 L-190,100 Q-172,-80 -130,-145 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-60,-170 L-22,-150 L-6,-112 L-42,-122 Z M60,-170 L22,-150 L6,-112 L42,-122 Z" fill="${p.light}" ${outline(p, 2)}/>
  <path d="M0,-118 L0,180" stroke="${p.dark}" stroke-width="3"/>
  ${[-85, -35, 15, 65, 115, 160].map((y) => `<circle cx="0" cy="${y}" r="5" fill="${p.light}" stroke="${p.line}" stroke-width="1.5"/>`).join('')}
  <rect x="-100" y="-85" width="50" height="55" rx="4" fill="none" stroke="${p.dark}" stroke-width="3"/>
  <path d="M-150,110 L-190,100 L-192,82 L-152,92 Z M150,110 L190,100 L192,82 L152,92 Z" fill="${p.dark}"/>`;

const dress: Motif = (p) => `
  <path d="M-58,-185 L-46,-185 L-40,-150 Q0,-128 40,-150 L46,-185 L58,-185 L66,-70 Q58,-50 62,-30 L175,180 Q0,210 -175,180 L-62,-30 Q-58,-50 -66,-70 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-66,-54 Q0,-40 66,-54 L63,-30 Q0,-16 -63,-30 Z" fill="${p.dark}"/>
  <path d="M-30,-22 L-85,188 M0,-18 L0,196 M30,-22 L85,188 M-55,-24 L-140,184 M55,-24 L140,184" stroke="${p.deep}" stroke-width="3" opacity=".3"/>
  <path d="M-40,-150 Q0,-128 40,-150" fill="none" stroke="${p.deep}" stroke-width="4"/>`;

const trousers: Motif = (p) => `
  <path d="M-105,-185 L105,-185 L128,188 L30,188 L0,-55 L-30,188 L-128,188 Z" fill="url(#b)" ${outline(p)}/>
  <rect x="-105" y="-185" width="210" height="28" fill="${p.dark}" ${outline(p, 2)}/>
  ${[-80, -30, 30, 80].map((x) => `<rect x="${x - 5}" y="-190" width="10" height="36" rx="3" fill="${p.dark}" ${outline(p, 1.5)}/>`).join('')}
  <path d="M0,-157 L0,-60 M-100,-150 Q-70,-118 -60,-157 M100,-150 Q70,-118 60,-157" fill="none" stroke="${p.deep}" stroke-width="3"/>
  <path d="M-66,-110 L-80,185 M66,-110 L80,185" stroke="${p.deep}" stroke-width="2" opacity=".35"/>`;

const coat: Motif = (p) => `
  <path d="M-55,-175 L0,-40 L55,-175 Q0,-150 -55,-175 Z" fill="${p.deep}"/>
  <path d="M-55,-175 L-8,-30 L-8,190 L-128,190 L-128,-20 L-148,158 L-188,150 Q-175,-60 -135,-150 Z M55,-175 L8,-30 L8,190 L128,190 L128,-20 L148,158 L188,150 Q175,-60 135,-150 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-55,-175 L-8,-30 L-45,-62 L-80,-150 Z M55,-175 L8,-30 L45,-62 L80,-150 Z" fill="${p.dark}" ${outline(p, 2)}/>
  ${[0, 60, 120].map((y) => `<circle cx="-28" cy="${y}" r="8" fill="${p.deep}"/><circle cx="28" cy="${y}" r="8" fill="${p.deep}"/>`).join('')}
  <path d="M-110,80 L-50,80 M50,80 L110,80" stroke="${p.deep}" stroke-width="5"/>
  <path d="M-148,158 L-188,150 L-186,130 L-146,138 Z M148,158 L188,150 L186,130 L146,138 Z" fill="${p.dark}"/>`;

const hoodie: Motif = (p) => `
  <path d="M-78,-160 Q-84,-218 0,-220 Q84,-218 78,-160 Z" fill="${p.dark}" ${outline(p)}/>
  <path d="M-70,-165 Q0,-125 70,-165 L135,-145 Q172,-60 185,120 L145,128 L125,0 L125,170 L-125,170 L-125,0 L-145,128 L-185,120 Q-172,-60 -135,-145 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-70,-165 Q0,-120 70,-165 Q0,-150 -70,-165 Z" fill="${p.deep}"/>
  <rect x="-125" y="150" width="250" height="30" rx="6" fill="${p.dark}" ${outline(p, 2)}/>
  <path d="M-145,128 L-185,120 L-184,98 L-145,106 Z M145,128 L185,120 L184,98 L145,106 Z" fill="${p.dark}"/>
  <path d="M-72,40 L72,40 L96,132 L-96,132 Z" fill="${p.dark}" opacity=".55" ${outline(p, 2)}/>
  <path d="M-24,-140 L-30,-60 M24,-140 L30,-60" stroke="${p.accent}" stroke-width="6" stroke-linecap="round"/>`;

const onesie: Motif = (p) => `
  <path d="M-55,-160 Q0,-120 55,-160 L110,-140 L160,-80 L120,-45 L100,-65 L100,60 Q100,120 40,150 L25,182 L-25,182 L-40,150 Q-100,120 -100,60 L-100,-65 L-120,-45 L-160,-80 L-110,-140 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-55,-160 Q0,-118 55,-160" fill="none" stroke="${p.dark}" stroke-width="8"/>
  <path d="M0,-10 C-30,-40 -45,-5 0,25 C45,-5 30,-40 0,-10 Z" fill="${p.accent}" opacity=".7"/>
  <circle cx="-12" cy="170" r="5" fill="${p.deep}"/><circle cx="12" cy="170" r="5" fill="${p.deep}"/>`;

/** Shoe sole shared by the side-profile shoes. */
const sole = (p: { luminance: number }, y: number, h: number): string =>
  `<path d="M-198,${y} L198,${y} Q206,${y + h} 182,${y + h + 8} L-180,${y + h + 8} Q-204,${y + h} -198,${y} Z" fill="${p.luminance > 0.75 ? '#e4e4e0' : '#f7f7f4'}" stroke="#9a9a96" stroke-width="3"/>`;

const sneaker: Motif = (p) => `
  ${sole(p, 70, 30)}
  <path d="M-190,72 Q-198,-10 -160,-40 L-120,-55 Q-95,-115 -40,-105 L20,-95 Q60,-40 140,0 Q195,20 196,72 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-150,-45 Q-100,-75 -45,-98 Q-80,-50 -150,-45 Z" fill="${p.deep}"/>
  <path d="M-120,70 Q-60,0 40,-20 L60,0 Q-20,20 -80,70 Z" fill="${p.light}" ${outline(p, 2)}/>
  <path d="M120,-5 Q185,15 196,72 L150,72 Q150,30 120,-5 Z" fill="${p.dark}" opacity=".5"/>
  ${[0, 1, 2, 3].map((k) => `<path d="M${-38 + k * 22},${-92 + k * 17} l22,14" stroke="${p.accent}" stroke-width="6" stroke-linecap="round"/>`).join('')}`;

const canvasShoe: Motif = (p) => `
  ${sole(p, 80, 28)}
  <path d="M-175,82 L-170,-150 Q-150,-165 -100,-160 L-60,-150 Q-50,-60 20,-40 Q120,-20 165,20 Q190,45 188,82 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M110,-10 Q180,10 188,82 L120,82 Q118,30 110,-10 Z" fill="#f4f4f0" stroke="#9a9a96" stroke-width="3"/>
  ${[0, 1, 2, 3, 4, 5].map((k) => `<circle cx="${-60 + k * 16}" cy="${-135 + k * 18}" r="5" fill="#d9dce1" stroke="${p.line}" stroke-width="1.5"/>`).join('')}
  ${[0, 1, 2, 3, 4].map((k) => `<path d="M${-68 + k * 16},${-128 + k * 18} l30,6" stroke="${p.accent}" stroke-width="5" stroke-linecap="round"/>`).join('')}
  <circle cx="-125" cy="-80" r="22" fill="#f4f4f0" stroke="${p.line}" stroke-width="2"/>`;

const slide = (x: number): string => `
  <path d="M${x},-190 C${x + 60},-190 ${x + 65},-100 ${x + 55},0 C${x + 45},120 ${x + 60},190 ${x},190 C${x - 60},190 ${x - 45},120 ${x - 55},0 C${x - 65},-100 ${x - 60},-190 ${x},-190 Z"`;

const slipper: Motif = (p) => `
  ${slide(-80)} fill="url(#bv)" ${outline(p)}/>
  ${slide(-80)} fill="${p.light}" transform="translate(-8 -2) scale(0.9 0.93) translate(-8 0)" opacity=".6"/>
  <path d="M-150,-110 Q-80,-135 -10,-110 L-12,-30 Q-80,-50 -148,-30 Z" fill="${p.dark}" ${outline(p)}/>
  <g transform="rotate(8 80 0)">
    ${slide(80)} fill="url(#bv)" ${outline(p)}/>
    <path d="M10,-110 Q80,-135 150,-110 L148,-30 Q80,-50 12,-30 Z" fill="${p.dark}" ${outline(p)}/>
  </g>`;

const boot: Motif = (p) => `
  <path d="M-166,136 L196,136 Q204,150 196,162 L-88,162 L-92,178 L-166,178 Z" fill="#2d2a27"/>
  <path d="M-150,-190 L-42,-190 L-38,-60 Q-30,0 20,22 Q110,46 160,72 Q200,94 196,140 L-160,140 Q-170,40 -150,-190 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-112,-190 L-78,-190 L-84,-36 Q-95,-20 -106,-36 Z" fill="${p.deep}" opacity=".85"/>
  <path d="M-160,140 Q-168,60 -156,10 Q-110,20 -100,140 Z" fill="${p.dark}" opacity=".5"/>
  <rect x="-160" y="-206" width="24" height="40" rx="6" fill="${p.dark}" ${outline(p, 2)}/>
  <path d="M-156,128 L190,128" stroke="${p.accent}" stroke-width="2.5" stroke-dasharray="7 6"/>
  <path d="M40,36 Q140,60 186,104" fill="none" stroke="#fff" stroke-width="7" opacity=".2"/>`;

export const apparelMotifs = {
  tshirt, shirt, dress, trousers, coat, hoodie, onesie, sneaker, 'canvas-shoe': canvasShoe, slipper, boot,
} satisfies Record<string, Motif>;
