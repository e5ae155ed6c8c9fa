/**
 * Fonts for the PDF, read from npm packages so that a fresh machine needs no system font.
 *
 * First choice: Tinos (Apache 2.0), metrically identical to Times New Roman (same advance widths,
 * so lines break where Word breaks them), with full Vietnamese coverage, shipped as whole TTF files
 * by @expo-google-fonts/tinos (the @fontsource packages only ship WOFF subsets split by script,
 * which a PDF text run cannot combine). Then Noto Serif, then Roboto from pdfmake's vfs_fonts.js.
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

function tinos(): PdfFont {
  const dir = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  const face = (folder: string, file: string): Buffer => readFileSync(join(dir, folder, file));
  return {
    family: 'Tinos',
    source: 'Tinos (@expo-google-fonts/tinos), metrically identical to Times New Roman',
    faces: {
      normal: face('400Regular', 'Tinos_400Regular.ttf'),
      bold: face('700Bold', 'Tinos_700Bold.ttf'),
      italics: face('400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
      bolditalics: face('700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
    },
    widthFactor: 1,
  };
}

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
  for (const load of [tinos, notoSerif, roboto]) {
    try {
      cached = load();
      break;
    } catch {
      // next choice
    }
  }
  if (!cached) throw new Error('No PDF font package found (@expo-google-fonts/tinos, @expo-google-fonts/noto-serif, pdfmake)');
  return cached;
}
