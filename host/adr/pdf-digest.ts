import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { padNumber, type AdrRecord } from '../../core/adr/index.js';

const PAGE = { width: 595.28, height: 841.89, margin: 56 };

/** The standard Helvetica font encodes WinAnsi only; anything else prints as "?" rather than failing the export. */
function printable(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\t/g, '  ')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A PDF digest of the records (title, status, date, people, links, section texts), made with pdf-lib. */
export async function adrPdf(records: AdrRecord[], title = 'Architectural Decision Records'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator('Specbench');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const write = (text: string, font: PDFFont, size: number, gap = 4) => {
    for (const line of wrap(text, font, size, width)) {
      if (y - size < PAGE.margin) {
        page = doc.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - PAGE.margin;
      }
      y -= size;
      page.drawText(line, { x: PAGE.margin, y, size, font });
      y -= gap;
    }
  };
  write(title, bold, 20, 12);
  for (const r of records) {
    y -= 10;
    write(`${r.number === null ? '' : `${padNumber(r.number)} `}${r.title}`, bold, 14, 6);
    write(`Status: ${r.status || 'unknown'}${r.date ? `    Date: ${r.date}` : ''}`, regular, 10);
    if (r.decisionMakers.length) write(`Decision-makers: ${r.decisionMakers.join(', ')}`, regular, 10);
    for (const l of r.links) write(`${l.kind}: ${l.target}`, regular, 10);
    for (const s of r.sections) {
      write(s.heading, bold, 11, 3);
      write(s.body.trim(), regular, 10);
    }
  }
  return doc.save();
}
