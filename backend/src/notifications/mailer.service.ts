import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** SMTP through nodemailer when SMTP_URL is set; otherwise notifications stay in-app only. */
@Injectable()
export class MailerService {
  private transport: Transporter | null = null;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.smtpUrl;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.config.smtpUrl) throw new Error('Chưa cấu hình máy chủ thư (SMTP_URL).');
    this.transport ??= nodemailer.createTransport(this.config.smtpUrl);
    await this.transport.sendMail({
      from: process.env.MAIL_FROM?.trim() || 'Báo cáo BĐG <no-reply@bao-cao-bdg.local>',
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
  }
}
