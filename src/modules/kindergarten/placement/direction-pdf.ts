// The direction (направление) as a PDF in Russian, with DejaVu Sans embedded so Cyrillic renders in
// any viewer.

import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export interface DirectionDocument {
  number: string;
  regionName: string;
  waveTitle: string;
  childName: string;
  birthDate: string;
  applicationNumber: string;
  kindergartenName: string;
  kindergartenAddress: string;
  groupName: string;
  issuedOn: string;
  validUntil: string;
  startDate: string;
  explanationRu: string;
}

const ru = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

export function directionPdf(doc: DirectionDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Направление ${doc.number}`, Author: doc.regionName },
  });
  pdf.registerFont('regular', path.join(FONT_DIR, 'DejaVuSans.ttf'));
  pdf.registerFont('bold', path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('regular').fontSize(10).fillColor('#444').text(doc.regionName, { align: 'right' });
  pdf.moveDown(2);
  pdf.font('bold').fontSize(16).fillColor('#000').text(`НАПРАВЛЕНИЕ № ${doc.number}`, { align: 'center' });
  pdf
    .font('regular')
    .fontSize(11)
    .text('в муниципальную дошкольную образовательную организацию', { align: 'center' });
  pdf.moveDown(1.5);
  const row = (label: string, value: string) => {
    pdf.font('bold').fontSize(11).text(`${label}: `, { continued: true });
    pdf.font('regular').text(value);
    pdf.moveDown(0.3);
  };
  row('Ребёнок', doc.childName);
  row('Дата рождения', ru(doc.birthDate));
  row('Заявление', doc.applicationNumber);
  row('Детский сад', doc.kindergartenName);
  row('Адрес', doc.kindergartenAddress);
  row('Группа', doc.groupName);
  row('Комплектование', doc.waveTitle);
  row('Дата начала посещения', ru(doc.startDate));
  row('Дата выдачи', ru(doc.issuedOn));
  row('Действительно до', ru(doc.validUntil));
  pdf.moveDown(1);
  pdf.font('bold').text('Почему этот детский сад');
  pdf.font('regular').fontSize(10).text(doc.explanationRu);
  pdf.moveDown(1);
  pdf
    .fontSize(10)
    .text(
      'Для зачисления обратитесь к руководителю детского сада до окончания срока действия направления ' +
        'с документами, указанными в Порядке приёма (Приказ Минпросвещения России № 236). Если вы не ' +
        'обратитесь в срок, направление будет аннулировано («Не явился»), ребёнок останется в очереди, ' +
        'а желаемая дата будет перенесена на 1 сентября следующего года.',
    );
  pdf.moveDown(2);
  pdf.fontSize(9).fillColor('#666').text('Документ сформирован автоматически в системе open-region.');
  pdf.end();
  return done;
}
