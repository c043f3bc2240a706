import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<{ messageId: string }>;
}

/**
 * SMTP when SMTP_URL is set; otherwise (the demo) each message is written as an .eml file under
 * data/mail so nothing leaves the machine and a newcomer can still read what was sent.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(m) {
        const info = await transport.sendMail({ from: opts.from, ...m });
        return { messageId: String(info.messageId) };
      },
    };
  }
  const dir = path.join(opts.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transport.sendMail({ from: opts.from, ...m });
      fs.mkdirSync(dir, { recursive: true });
      const id = String(info.messageId).replace(/[^A-Za-z0-9.@-]/g, '');
      fs.writeFileSync(path.join(dir, `${Date.now()}-${id}.eml`), info.message as Buffer);
      return { messageId: String(info.messageId) };
    },
  };
}
