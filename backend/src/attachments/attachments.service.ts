import { Inject, Injectable } from '@nestjs/common';
import { sha256Hex } from '@bdg/schemas';
import { stripControlAndFormat } from '@bdg/workflows';
import fileType from 'file-type';
import { unzipSync } from 'fflate';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { ApiException, conflict, forbidden, notFound } from '../common/errors.js';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { SubmissionsService } from '../submissions/submissions.service.js';
import { AttachmentsRepository } from './attachments.repository.js';

/** Evidence kinds accepted, decided by the bytes, never by the name the browser sent. */
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/** Only the last path segment, no control characters, bounded length; the type's extension enforced. */
export function safeFileName(name: string, ext: string): string {
  // Control and format characters (U+202E right-to-left override, zero-width, BOM) go first, so
  // "hoa-don\u202Efdp.exe" cannot pass for "hoa-donexe.pdf" in another person's list.
  const base = stripControlAndFormat(utf8Name(name).split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || 'tep-dinh-kem';
  return `${stem}.${ext}`;
}

/** Office files are zips: they must carry [Content_Types].xml and unpack to a sane size and ratio. */
const MAX_UNPACKED = 200 * 1024 * 1024;
const MAX_RATIO = 100;
export function isSaneOfficeZip(buf: Buffer): boolean {
  let hasTypes = false;
  let unpacked = 0;
  let packed = 0;
  try {
    // The filter sees each entry's sizes from the zip directory and declines it: nothing is inflated.
    unzipSync(new Uint8Array(buf), {
      filter: (f) => {
        if (f.name === '[Content_Types].xml') hasTypes = true;
        unpacked += f.originalSize;
        packed += f.size;
        return false;
      },
    });
  } catch {
    return false;
  }
  return hasTypes && unpacked <= MAX_UNPACKED && unpacked <= Math.max(packed, 1) * MAX_RATIO;
}

/** Multipart names arrive decoded as Latin-1 (busboy's default); recover the UTF-8 the browser sent. */
function utf8Name(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name)) return name;
  const recovered = Buffer.from(name, 'latin1').toString('utf8');
  return recovered.includes('\uFFFD') ? name : recovered;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly repo: AttachmentsRepository,
    private readonly submissions: SubmissionsService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, submissionId: string) {
    await this.submissions.get(user, submissionId);
    return (await this.repo.list(submissionId)).map(view);
  }

  async upload(user: AuthUser, submissionId: string, file: { originalname: string; buffer: Buffer; size: number }) {
    const s = await this.submissions.get(user, submissionId);
    if (s.unitId !== user.unitId) throw forbidden('Chỉ đơn vị lập báo cáo mới được đính kèm minh chứng.');
    if (file.size > this.config.uploadLimitBytes)
      throw new ApiException(413, `Tệp quá lớn: tối đa ${Math.round(this.config.uploadLimitBytes / 1048576)} MB.`);
    const detected = await fileType.fromBuffer(file.buffer);
    const ext = detected?.ext === 'jpg' || detected?.ext === 'png' || detected?.ext === 'pdf' || detected?.ext === 'docx' || detected?.ext === 'xlsx' ? detected.ext : null;
    if (!ext)
      throw new ApiException(415, 'Loại tệp không được chấp nhận. Chỉ nhận PDF, Word (DOCX), Excel (XLSX), ảnh JPEG hoặc PNG (kiểm tra theo nội dung tệp).');
    if ((ext === 'docx' || ext === 'xlsx') && !isSaneOfficeZip(file.buffer))
      throw new ApiException(415, 'Tệp Word/Excel không hợp lệ hoặc nén bất thường (có thể là "bom nén"); hãy lưu lại tệp từ Word/Excel rồi tải lên.');
    const fileName = safeFileName(file.originalname, ext);
    return this.repo.transaction(async (m) => {
      const row = await this.repo.lockSubmission(m, submissionId);
      if (!row) throw notFound('Không tìm thấy báo cáo.');
      if (row.locked || row.final) throw conflict('Báo cáo đã ký/khóa: không thể thêm minh chứng.');
      // Under the submission's row lock: concurrent uploads to one submission are counted one by one.
      this.checkQuota(await this.repo.usage(submissionId, m), file.size);
      const saved = await this.repo.insert(m, {
        submissionId,
        fileName,
        mimeType: ALLOWED[ext]!,
        size: file.size,
        sha256: sha256Hex(new Uint8Array(file.buffer)),
        content: file.buffer,
        createdBy: user.id,
      });
      await this.audit.record(m, { actorId: user.id, action: 'upload', entity: 'attachment', entityId: saved.id, detail: { submissionId, fileName, size: file.size } });
      return view(saved);
    });
  }

  /** The limits as the server enforces them, and what the submission already uses (for the UI to state). */
  async quota(user: AuthUser, submissionId: string) {
    await this.submissions.get(user, submissionId);
    const used = await this.repo.usage(submissionId);
    return {
      maxFileBytes: this.config.uploadLimitBytes,
      maxFiles: this.config.attachmentsPerSubmission,
      maxTotalBytes: this.config.attachmentsTotalBytes,
      files: used.files,
      totalBytes: used.totalBytes,
    };
  }

  private checkQuota(used: { files: number; totalBytes: number }, size: number) {
    const { attachmentsPerSubmission: maxFiles, attachmentsTotalBytes: maxTotal } = this.config;
    if (used.files + 1 > maxFiles)
      throw conflict(`Mỗi báo cáo được đính kèm tối đa ${maxFiles} tệp minh chứng; báo cáo này đã có ${used.files} tệp.`);
    if (used.totalBytes + size > maxTotal)
      throw new ApiException(
        413,
        `Tổng dung lượng minh chứng của một báo cáo tối đa ${mb(maxTotal)} MB; báo cáo này đã dùng ${mb(used.totalBytes)} MB, tệp này ${mb(size)} MB.`,
      );
  }

  async download(user: AuthUser, id: string) {
    const a = await this.repo.withContent(id);
    if (!a) throw notFound('Không tìm thấy tệp đính kèm.');
    await this.submissions.get(user, a.submissionId); // 404 when the submission is not visible
    return a;
  }
}

const mb = (bytes: number) => (Math.round((bytes / 1048576) * 10) / 10).toLocaleString('vi-VN');

function view(a: { id: string; fileName: string; mimeType: string; size: number; sha256: string; createdAt: Date }) {
  return { id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, sha256: a.sha256, createdAt: a.createdAt };
}
