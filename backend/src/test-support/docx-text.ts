import JSZip from 'jszip';

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** document.xml as text paragraphs (Word splits a paragraph into runs). */
export async function docxParagraphs(buf: Buffer): Promise<{ xml: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''))
    .map((t) => t.normalize('NFC').trim())
    .filter((t) => t !== '');
  return { xml, paragraphs };
}
