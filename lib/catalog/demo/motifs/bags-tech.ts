import { clear, outline, type Motif } from './paint';

/** Bags, small leather goods and gadgets, in a ±200 box centred on the origin. */

const metal = 'url(#m)';
const screen = '#15181d';

const handbag: Motif = (p) => `
  <path d="M-85,-40 Q-85,-172 0,-172 Q85,-172 85,-40" fill="none" stroke="${p.line}" stroke-width="24"/>
  <path d="M-85,-40 Q-85,-172 0,-172 Q85,-172 85,-40" fill="none" stroke="${p.base}" stroke-width="17"/>
  <path d="M-160,-40 L160,-40 L185,170 Q0,186 -185,170 Z" fill="url(#b)" ${outline(p)}/>
  <path d="M-160,-40 L160,-40 L150,60 Q0,86 -150,60 Z" fill="${p.dark}" ${outline(p)}/>
  <path d="M-148,-28 L148,-28 L140,50 Q0,72 -140,50 Z" fill="none" stroke="${p.accent}" stroke-width="2" stroke-dasharray="6 6" opacity=".7"/>
  <rect x="-20" y="48" width="40" height="28" rx="6" fill="${metal}" stroke="#7d838c" stroke-width="2"/>`;

const backpack: Motif = (p) => `
  <path d="M-40,-168 Q0,-215 40,-168" fill="none" stroke="${p.deep}" stroke-width="14"/>
  <path d="M-135,-130 Q-168,0 -142,170 M135,-130 Q168,0 142,170" fill="none" stroke="${p.deep}" stroke-width="16"/>
  <rect x="-135" y="-172" width="270" height="352" rx="72" fill="url(#b)" ${outline(p)}/>
  <path d="M-125,-62 Q0,-162 125,-62" fill="none" stroke="${p.deep}" stroke-width="6"/>
  <rect x="-102" y="28" width="204" height="132" rx="30" fill="${p.dark}" ${outline(p)}/>
  <path d="M-90,56 Q0,40 90,56" fill="none" stroke="#aab0b8" stroke-width="5" stroke-dasharray="3 3"/>
  <rect x="60" y="48" width="12" height="26" rx="4" fill="${metal}"/><rect x="88" y="-92" width="12" height="26" rx="4" fill="${metal}"/>`;

const suitcase: Motif = (p) => `
  <rect x="-52" y="-222" width="10" height="90" fill="${metal}"/><rect x="42" y="-222" width="10" height="90" fill="${metal}"/>
  <rect x="-62" y="-230" width="124" height="18" rx="9" fill="#2f3136"/>
  <rect x="-82" y="188" width="26" height="14" fill="#333"/><rect x="56" y="188" width="26" height="14" fill="#333"/>
  <circle cx="-95" cy="196" r="14" fill="#26272b"/><circle cx="95" cy="196" r="14" fill="#26272b"/>
  <rect x="-125" y="-142" width="250" height="332" rx="30" fill="url(#b)" ${clear(p, 0.8)} ${outline(p)}/>
  <path d="M-70,-130 L-70,178 M-25,-130 L-25,178 M25,-130 L25,178 M70,-130 L70,178" stroke="${p.dark}" stroke-width="5" opacity=".55"/>
  <rect x="-35" y="-156" width="70" height="16" rx="7" fill="#2f3136"/>`;

const wallet: Motif = (p) => `
  <rect x="-120" y="-142" width="150" height="92" rx="8" fill="#6fa7d8" transform="rotate(-6)"/>
  <rect x="-170" y="-100" width="340" height="210" rx="22" fill="url(#b)" ${outline(p)}/>
  <path d="M-170,-40 L170,-40 L170,20 Q0,50 -170,20 Z" fill="${p.dark}" ${outline(p, 2)}/>
  <rect x="-156" y="-86" width="312" height="182" rx="16" fill="none" stroke="${p.accent}" stroke-width="2" stroke-dasharray="6 6" opacity=".6"/>
  <circle cx="0" cy="26" r="12" fill="${metal}" stroke="#7d838c" stroke-width="2"/>`;

const pencilCase: Motif = (p) => `
  <path d="M-185,-70 Q-190,-95 -160,-95 L160,-95 Q190,-95 185,-70 L175,90 Q170,115 140,115 L-140,115 Q-170,115 -175,90 Z" fill="url(#bv)" ${outline(p)}/>
  <path d="M-178,-58 L178,-58" stroke="${p.deep}" stroke-width="10"/>
  <path d="M-178,-58 L178,-58" stroke="#b9bec6" stroke-width="4" stroke-dasharray="3 3"/>
  <rect x="112" y="-66" width="26" height="16" rx="4" fill="${metal}"/><rect x="118" y="-52" width="12" height="34" rx="5" fill="${p.accent}"/>
  <path d="M-160,98 L160,98" stroke="${p.accent}" stroke-width="2" stroke-dasharray="6 6" opacity=".6"/>`;

const phoneCase: Motif = (p) => `
  ${p.isClear ? `<rect x="-98" y="-193" width="196" height="386" rx="34" fill="#3a3d44"/>` : ''}
  <rect x="-105" y="-200" width="210" height="400" rx="38" fill="url(#b)" ${clear(p, 0.45)} ${outline(p)}/>
  <rect x="-88" y="-182" width="98" height="98" rx="24" fill="${p.dark}" ${clear(p, 0.6)} ${outline(p, 2)}/>
  ${[[-63, -157], [-63, -108], [-18, -132]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="18" fill="#1a1b1e" stroke="#9aa0a8" stroke-width="4"/><circle cx="${(x ?? 0) - 5}" cy="${(y ?? 0) - 5}" r="5" fill="#5b6a80"/>`).join('')}
  <circle cx="-18" cy="-164" r="6" fill="#f2e9c9"/>
  <rect x="102" y="-110" width="6" height="50" rx="3" fill="${p.dark}"/>`;

const plug = (x: number, y: number, dir: 1 | -1, p: Parameters<Motif>[0]): string => `
  <rect x="${dir > 0 ? x : x - 46}" y="${y - 15}" width="46" height="30" rx="8" fill="${p.base}" ${outline(p, 2)}/>
  <rect x="${dir > 0 ? x + 46 : x - 72}" y="${y - 9}" width="26" height="18" rx="4" fill="${metal}" stroke="#7d838c" stroke-width="2"/>`;

const cablePath = 'M-110,150 C-20,150 -10,70 -90,40 C-190,0 -170,-120 -60,-120 C60,-120 80,-10 0,10 C-60,25 -40,-60 40,-70 C140,-85 170,0 120,60 C95,95 110,150 150,150';
const cable: Motif = (p) => `
  <path d="${cablePath}" fill="none" stroke="${p.line}" stroke-width="17" stroke-linecap="round"/>
  <path d="${cablePath}" fill="none" stroke="${p.base}" stroke-width="12" stroke-linecap="round"/>
  <path d="${cablePath}" fill="none" stroke="${p.light}" stroke-width="3" stroke-linecap="round" opacity=".6" transform="translate(-2 -3)"/>
  ${plug(-110, 150, -1, p)}${plug(150, 150, 1, p)}`;

const charger: Motif = (p) => `
  <rect x="-34" y="-205" width="16" height="56" rx="3" fill="${metal}"/><rect x="40" y="-205" width="16" height="56" rx="3" fill="${metal}"/>
  <path d="M0,96 C0,170 120,150 150,196" fill="none" stroke="${p.line}" stroke-width="15"/>
  <path d="M0,96 C0,170 120,150 150,196" fill="none" stroke="${p.base}" stroke-width="10"/>
  <path d="M-110,-120 L-70,-160 L150,-160 L110,-120 Z" fill="${p.light}" ${outline(p)}/>
  <path d="M110,-120 L150,-160 L150,60 L110,100 Z" fill="${p.dark}" ${outline(p)}/>
  <rect x="-110" y="-120" width="220" height="220" rx="18" fill="url(#b)" ${outline(p)}/>
  <rect x="-36" y="-14" width="72" height="22" rx="10" fill="#1d1f23"/><rect x="-24" y="-7" width="48" height="8" rx="4" fill="#60656e"/>`;

const phone = (x: number, y: number, w: number, h: number): string => `
  <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="24" fill="#24272d"/>
  <rect x="${x + 8}" y="${y + 8}" width="${w - 16}" height="${h - 16}" rx="18" fill="url(#scr)"/>`;

const phoneStand: Motif = (p) => `
  <path d="M40,160 L92,-40 L122,-30 L80,160 Z" fill="url(#b)" ${outline(p)}/>
  <g transform="rotate(-14 -20 -40)">${phone(-90, -200, 140, 290)}</g>
  <path d="M-110,96 L-20,124 L-26,146 L-116,116 Z" fill="${p.base}" ${outline(p)}/>
  <path d="M-60,140 L-40,160" stroke="${p.line}" stroke-width="3"/>
  <rect x="-150" y="152" width="300" height="28" rx="14" fill="url(#b)" ${outline(p)}/>`;

const bud = (tx: number, flip: boolean): string => `
  <g transform="translate(${tx} -95) ${flip ? 'scale(-1 1)' : ''} rotate(-14)">
    <rect x="-12" y="8" width="26" height="92" rx="13" fill="url(#b)" stroke-width="3"/>
    <ellipse cx="0" cy="0" rx="38" ry="33" fill="url(#b)" stroke-width="3"/>
    <ellipse cx="-26" cy="-6" rx="14" ry="16" fill="#3a3c42"/>
  </g>`;

const earbuds: Motif = (p) => `
  <g stroke="${p.line}">${bud(-62, false)}${bud(62, true)}</g>
  <rect x="-112" y="-2" width="224" height="170" rx="70" fill="url(#bv)" ${outline(p)}/>
  <path d="M-108,54 L108,54" stroke="${p.dark}" stroke-width="3"/>
  <circle cx="0" cy="112" r="6" fill="#7ce38f"/>`;

const smartwatch: Motif = (p) => `
  <rect x="-62" y="-200" width="124" height="120" rx="20" fill="url(#b)" ${outline(p)}/>
  <rect x="-62" y="80" width="124" height="120" rx="20" fill="url(#b)" ${outline(p)}/>
  ${[120, 145, 170].map((y) => `<circle cx="0" cy="${y}" r="5" fill="${p.deep}"/>`).join('')}
  <rect x="92" y="-32" width="18" height="42" rx="7" fill="${metal}"/>
  <rect x="-98" y="-112" width="196" height="224" rx="50" fill="${p.deep}" ${outline(p)}/>
  <rect x="-82" y="-96" width="164" height="192" rx="38" fill="${screen}"/>
  <circle cx="0" cy="0" r="54" fill="none" stroke="#ff4d6d" stroke-width="10" stroke-dasharray="250 90" transform="rotate(-90)"/>
  <circle cx="0" cy="0" r="40" fill="none" stroke="#8aff5c" stroke-width="10" stroke-dasharray="160 90" transform="rotate(-90)"/>
  <circle cx="0" cy="0" r="26" fill="none" stroke="#48d6ff" stroke-width="10" stroke-dasharray="120 60" transform="rotate(-90)"/>`;

const powerBank: Motif = (p) => `
  <path d="M-40,170 C-40,205 60,200 90,176 C120,152 150,170 172,150" fill="none" stroke="${p.line}" stroke-width="13"/>
  <path d="M-40,170 C-40,205 60,200 90,176 C120,152 150,170 172,150" fill="none" stroke="${p.base}" stroke-width="8"/>
  <rect x="-120" y="-170" width="240" height="340" rx="36" fill="url(#b)" ${outline(p)}/>
  <path d="M-100,-150 L20,-150 L-100,40 Z" fill="#fff" opacity=".12"/>
  <rect x="-70" y="-134" width="140" height="46" rx="12" fill="#16181c"/>
  ${[-48, -18, 12, 42].map((x, i) => `<rect x="${x}" y="-121" width="22" height="20" rx="3" fill="${i < 3 ? '#5fe08a' : '#2a2f36'}"/>`).join('')}
  <path d="M14,-40 L-34,36 L-4,36 L-16,104 L36,20 L6,20 L18,-40 Z" fill="${p.accent}" opacity=".75"/>
  <rect x="-56" y="160" width="32" height="12" rx="4" fill="#1d1f23"/><rect x="10" y="160" width="40" height="12" rx="4" fill="#1d1f23"/>`;

const speaker: Motif = (p) => {
  const dots: string[] = [];
  for (let y = -44; y <= 44; y += 16) for (let x = -126; x <= 126; x += 16) dots.push(`<circle cx="${x}" cy="${y}" r="4.5"/>`);
  return `
  <path d="M-188,-20 Q-215,0 -188,20" fill="none" stroke="${p.deep}" stroke-width="8"/>
  <rect x="-185" y="-78" width="370" height="156" rx="76" fill="url(#bv)" ${outline(p)}/>
  <rect x="-142" y="-60" width="284" height="120" rx="22" fill="${p.deep}"/>
  <g fill="${p.dark}">${dots.join('')}</g>
  ${[-40, 0, 40].map((x) => `<rect x="${x - 12}" y="-86" width="24" height="10" rx="4" fill="${p.dark}"/>`).join('')}`;
};

const carHolder: Motif = (p) => `
  <rect x="-22" y="120" width="44" height="70" rx="8" fill="#2c2e33"/><path d="M-22,188 L-40,196 L40,196 L22,188 Z" fill="#2c2e33"/>
  <circle cx="0" cy="110" r="32" fill="${p.deep}"/>
  ${phone(-85, -195, 170, 300)}
  <rect x="-108" y="-70" width="30" height="126" rx="12" fill="url(#b)" ${outline(p)}/>
  <rect x="78" y="-70" width="30" height="126" rx="12" fill="url(#b)" ${outline(p)}/>
  <rect x="-72" y="98" width="34" height="26" rx="8" fill="url(#b)" ${outline(p)}/><rect x="38" y="98" width="34" height="26" rx="8" fill="url(#b)" ${outline(p)}/>`;

const carCharger: Motif = (p) => `
  <rect x="-10" y="132" width="20" height="40" rx="7" fill="${metal}"/>
  <path d="M-42,40 L42,40 L36,140 L-36,140 Z" fill="#d5d8dd" stroke="#8a9099" stroke-width="2"/>
  <path d="M-60,-110 L60,-110 L48,48 L-48,48 Z" fill="url(#b)" ${outline(p)}/>
  <ellipse cx="0" cy="-104" rx="62" ry="9" fill="#5ec8ff" opacity=".9"/>
  <rect x="-78" y="-180" width="156" height="74" rx="20" fill="url(#b)" ${outline(p)}/>
  <rect x="-56" y="-160" width="40" height="16" rx="3" fill="#1d1f23"/><rect x="-50" y="-156" width="28" height="5" fill="#2f6fd6"/>
  <rect x="16" y="-160" width="40" height="16" rx="3" fill="#1d1f23"/><rect x="22" y="-156" width="28" height="5" fill="#2f6fd6"/>`;

export const bagsTechMotifs = {
  handbag, backpack, suitcase, wallet, 'pencil-case': pencilCase, 'phone-case': phoneCase, cable, charger,
  'phone-stand': phoneStand, earbuds, smartwatch, 'power-bank': powerBank, speaker, 'car-holder': carHolder, 'car-charger': carCharger,
} satisfies Record<string, Motif>;
