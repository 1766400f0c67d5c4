import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { StandardFonts, type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { resolvePackageFile } from '@/lib/i18n/translate/offline/package-file';

/**
 * The label's fonts. Text in Latin-1 prints in the PDF's built-in Helvetica (nothing embedded, as
 * before); anything else — a destination address in Cyrillic, Greek, Chinese, Japanese or Korean,
 * which carriers accept in the destination's script — prints in the first Noto face that has the
 * character, embedded as a subset of just the glyphs used. A character no face has (Arabic, which
 * would also need shaping, emoji) prints as `?`: a label is never refused for its text.
 *
 * Noto Sans covers Latin Extended, Greek and Cyrillic; Noto Sans SC the Han characters (simplified
 * and traditional, so Japanese kanji in their Chinese forms) and kana; Noto Sans KR the Hangul. The
 * files (OFL) come from npm packages and are read once per process, when a label first needs them.
 */
type FaceSpec = { id: string; pkg: string; regular: string; bold?: string };
const faceSpecs: readonly FaceSpec[] = [
  { id: 'noto', pkg: '@expo-google-fonts/noto-sans', regular: '400Regular/NotoSans_400Regular.ttf', bold: '700Bold/NotoSans_700Bold.ttf' },
  { id: 'sc', pkg: '@expo-google-fonts/noto-sans-sc', regular: '400Regular/NotoSansSC_400Regular.ttf' },
  { id: 'kr', pkg: '@expo-google-fonts/noto-sans-kr', regular: '400Regular/NotoSansKR_400Regular.ttf' },
];

type Face = { id: string; regular: Uint8Array; bold: Uint8Array; covers: (codePoint: number) => boolean };

let faces: Promise<Face[]> | null = null;

/**
 * pdf-lib parses a font's bytes afresh for every document, and fontkit's first layout of a face
 * compiles its OpenType lookups (~100–300 ms for Noto Sans). Parsed faces are kept per process
 * and shared by every label: pdf-lib only reads them (each document makes its own subset).
 */
const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const sharedFontkit: typeof fontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsed.get(bytes);
    if (!font) parsed.set(bytes, (font = fontkit.create(bytes, postscriptName)));
    return font;
  },
};

/** The faces' bytes and their character coverage, loaded once per process (a failed load is tried again next time). */
function loadFaces(): Promise<Face[]> {
  faces ??= Promise.all(
    faceSpecs.map(async (spec): Promise<Face> => {
      const regular = new Uint8Array(await readFile(resolvePackageFile(spec.pkg, spec.regular)));
      const bold = spec.bold ? new Uint8Array(await readFile(resolvePackageFile(spec.pkg, spec.bold))) : regular;
      const font = sharedFontkit.create(regular);
      const coverage = new Map<number, boolean>();
      const covers = (codePoint: number) => {
        let has = coverage.get(codePoint);
        if (has === undefined) coverage.set(codePoint, (has = font.hasGlyphForCodePoint(codePoint)));
        return has;
      };
      return { id: spec.id, regular, bold, covers };
    }),
  ).catch((error: unknown) => {
    faces = null;
    throw error;
  });
  return faces;
}

/** Helvetica's WinAnsi set as the label uses it: printable Latin-1. */
const isStandard = (codePoint: number) => (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff);
const needsFaces = (text: string) => /[^\x20-\x7e\xa0-\xff]/.test(text);

type Run = { font: PDFFont; text: string };

/** Draws and measures text on one label, each character in the first font that has it. */
export type LabelWriter = {
  draw(page: PDFPage, text: string, x: number, y: number, size: number, isBold?: boolean): void;
  width(text: string, size: number, isBold?: boolean): number;
};

/**
 * The writer for one PDF, given every text the label will print: the Noto faces are embedded only
 * when some text needs them (a Latin-1 label embeds nothing, as before).
 */
export async function labelWriter(pdf: PDFDocument, texts: readonly string[]): Promise<LabelWriter> {
  const standard = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const wanted = texts.some(needsFaces) ? await loadFaces() : [];
  const used = wanted.filter((face) => texts.some((text) => [...text].some((ch) => !isStandard(ch.codePointAt(0)!) && firstCovering(wanted, ch) === face)));
  if (used.length > 0) pdf.registerFontkit(sharedFontkit);
  const embedded = new Map<string, { regular: PDFFont; bold: PDFFont }>();
  for (const face of used) {
    const regular = await pdf.embedFont(face.regular, { subset: true });
    embedded.set(face.id, { regular, bold: face.bold === face.regular ? regular : await pdf.embedFont(face.bold, { subset: true }) });
  }

  const runs = (text: string, isBold: boolean): Run[] => {
    const out: Run[] = [];
    for (const ch of text) {
      const codePoint = ch.codePointAt(0)!;
      let font = isBold ? standard.bold : standard.regular;
      let glyph = ch;
      if (!isStandard(codePoint)) {
        const face = firstCovering(used, ch);
        const fonts = face ? embedded.get(face.id) : undefined;
        if (fonts) font = isBold ? fonts.bold : fonts.regular;
        else glyph = '?';
      }
      const last = out.at(-1);
      if (last?.font === font) last.text += glyph;
      else out.push({ font, text: glyph });
    }
    return out;
  };

  return {
    draw(page, text, x, y, size, isBold = false) {
      let at = x;
      for (const run of runs(text, isBold)) {
        page.drawText(run.text, { x: at, y, size, font: run.font, color: rgb(0, 0, 0) });
        at += run.font.widthOfTextAtSize(run.text, size);
      }
    },
    width(text, size, isBold = false) {
      return runs(text, isBold).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
    },
  };
}

function firstCovering(faces: readonly Face[], ch: string): Face | undefined {
  const codePoint = ch.codePointAt(0)!;
  return faces.find((face) => face.covers(codePoint));
}
