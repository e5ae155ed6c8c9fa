/**
 * Fonts for the PDF, read from npm packages so that a fresh machine needs no system font.
 *
 * First choice: Noto Serif (SIL OFL 1.1), a serif face with full Vietnamese coverage, shipped as
 * whole TTF files by @expo-google-fonts/noto-serif (the @fontsource packages only ship WOFF
 * subsets split by script, which a PDF text run cannot combine). Fallback: Roboto from pdfmake's
 * own vfs_fonts.js, which also covers Vietnamese.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PdfFontFaces {
  normal: Buffer;
  bold: Buffer;
  italics: Buffer;
  bolditalics: Buffer;
}

export interface PdfFont {
  /** Name used in the pdfmake document definition. */
  family: string;
  /** Human name, for logs and reports. */
  source: string;
  faces: PdfFontFaces;
  /** Average glyph width relative to Times New Roman, to size the short rules. */
  widthFactor: number;
}

const require = createRequire(import.meta.url);
let cached: PdfFont | undefined;

function notoSerif(): PdfFont {
  const dir = dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
  const face = (folder: string, file: string): Buffer => readFileSync(join(dir, folder, file));
  return {
    family: 'NotoSerif',
    source: 'Noto Serif (@expo-google-fonts/noto-serif)',
    faces: {
      normal: face('400Regular', 'NotoSerif_400Regular.ttf'),
      bold: face('700Bold', 'NotoSerif_700Bold.ttf'),
      italics: face('400Regular_Italic', 'NotoSerif_400Regular_Italic.ttf'),
      bolditalics: face('700Bold_Italic', 'NotoSerif_700Bold_Italic.ttf'),
    },
    widthFactor: 1.12,
  };
}

function roboto(): PdfFont {
  const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  const face = (name: string): Buffer => {
    const b64 = vfs[name];
    if (typeof b64 !== 'string') throw new Error(`pdfmake vfs_fonts.js has no ${name}`);
    return Buffer.from(b64, 'base64');
  };
  return {
    family: 'Roboto',
    source: 'Roboto (pdfmake/build/vfs_fonts.js)',
    faces: {
      normal: face('Roboto-Regular.ttf'),
      bold: face('Roboto-Medium.ttf'),
      italics: face('Roboto-Italic.ttf'),
      bolditalics: face('Roboto-MediumItalic.ttf'),
    },
    widthFactor: 1.08,
  };
}

/** The PDF font, loaded once per process (read-only files, nothing another process needs). */
export function pdfFont(): PdfFont {
  if (cached) return cached;
  try {
    cached = notoSerif();
  } catch {
    cached = roboto();
  }
  return cached;
}
