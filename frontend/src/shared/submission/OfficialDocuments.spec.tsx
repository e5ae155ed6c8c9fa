import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Submission } from '../api/types';
import { fileNameFromDisposition } from '../api/files';
import { renderWithProviders } from '../../test-utils/render';
import { OfficialDocuments } from './OfficialDocuments';
import { sampleSubmission } from '../../test-utils/sample-submission';

// The whole suite runs in parallel: give slow first renders (template + submission) more than the default second.
configure({ asyncUtilTimeout: 5000 });

const HASH = 'a3f1c9e2b4d6f8a0c2e4a6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8';

function submission(over: Partial<Submission> = {}): Submission {
  return sampleSubmission({
    state: 'submitted',
    stateLabel: 'Đã gửi',
    locked: true,
    ...over,
  });
}

interface Call {
  method: string;
  url: string;
  auth: string | null;
}
type Reply = Response | Promise<Response>;

/** fetch stub with full control of headers and timing (file downloads need Content-Disposition). */
function stubFetch(handlers: Record<string, (n: number) => Reply>) {
  const calls: Call[] = [];
  const counts = new Map<string, number>();
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const auth = new Headers(init?.headers).get('Authorization');
    calls.push({ method, url, auth });
    const key = `${method} ${url}`;
    const h = handlers[key];
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (!h) return json(404, { statusCode: 404, message: 'Không tìm thấy' });
    return h(n);
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const file = (name: string, ascii: string) =>
  new Response(new Blob(['%PDF-1.7 …']), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });

let downloads: string[];
beforeEach(() => {
  localStorage.setItem('bdg.token', 'tok');
  downloads = [];
  // jsdom has no object URLs.
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name, falls back to the ASCII one, then to the default', () => {
    expect(fileNameFromDisposition(`attachment; filename="bao-cao-th01.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20TH01.pdf`, 'x.pdf')).toBe('Báo cáo TH01.pdf');
    expect(fileNameFromDisposition('attachment; filename="bao-cao.docx"', 'x.docx')).toBe('bao-cao.docx');
    expect(fileNameFromDisposition('attachment; filename=plain.xlsx', 'x.xlsx')).toBe('plain.xlsx');
    expect(fileNameFromDisposition(null, 'x.pdf')).toBe('x.pdf');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc.pdf`, 'x.pdf')).toBe('.._.._etc.pdf');
  });
});

describe('ExportButtons', () => {
  it('downloads at once with the bearer token and the name from Content-Disposition', async () => {
    const calls = stubFetch({ 'GET /api/submissions/s1/export?format=docx': () => file('Báo cáo TH01.docx', 'bao-cao-th01.docx') });
    renderWithProviders(<OfficialDocuments submission={submission()} />);
    expect(screen.queryByRole('button', { name: /Tải Excel/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tải Word (DOCX)' }));
    await waitFor(() => expect(downloads).toEqual(['Báo cáo TH01.docx']));
    expect(calls[0].auth).toBe('Bearer tok');
    expect(screen.getByTestId('export-status')).toHaveTextContent('Đã tải xuống tệp “Báo cáo TH01.docx”');
  });

  it('follows a 202 job with a progress bar, then fetches the file from /api/jobs/:id/file', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const calls = stubFetch({
      'GET /api/submissions/s1/export?format=xlsx': () => json(202, { jobId: 'j1', statusUrl: '/api/jobs/j1', fileUrl: '/api/jobs/j1/file' }),
      'GET /api/jobs/j1': (n) =>
        n === 1
          ? json(200, { id: 'j1', name: 'export', state: 'active', progress: 40, result: null, error: null })
          : gate.then(() => json(200, { id: 'j1', name: 'export', state: 'completed', progress: 100, result: {}, error: null })),
      'GET /api/jobs/j1/file': () => file('Báo cáo PGD01.xlsx', 'bao-cao-pgd01.xlsx'),
    });
    renderWithProviders(<OfficialDocuments submission={submission({ compiled: { included: 3, total: 3, stale: false, compiledAt: '2025-06-01T00:00:00Z' } })} pollMs={10} />);
    await userEvent.click(screen.getByRole('button', { name: 'Tải Excel (XLSX)' }));
    const bar = await screen.findByRole('progressbar', { name: 'Tiến độ tạo tệp Excel (XLSX)' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(screen.getByTestId('export-status')).toHaveTextContent('Máy chủ đang tạo tệp Excel (XLSX)… 40 %');
    expect(screen.getByRole('button', { name: /Tải PDF/ })).toBeDisabled();
    expect(downloads).toEqual([]);
    release();
    await waitFor(() => expect(downloads).toEqual(['Báo cáo PGD01.xlsx']));
    expect(calls.map((c) => c.url)).toContain('/api/jobs/j1/file');
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it("shows the failed job's Vietnamese error", async () => {
    stubFetch({
      'GET /api/submissions/s1/export?format=pdf': () => json(202, { jobId: 'j2' }),
      'GET /api/jobs/j2': () =>
        json(200, { id: 'j2', name: 'export', state: 'failed', progress: 20, result: null, error: 'Xuất văn bản thất bại sau 3 lần thử: Mất kết nối tới cơ sở dữ liệu.' }),
    });
    renderWithProviders(<OfficialDocuments submission={submission()} pollMs={10} />);
    await userEvent.click(screen.getByRole('button', { name: 'Tải PDF' }));
    expect(await screen.findByTestId('export-error')).toHaveTextContent('Không tải được tệp PDF: Xuất văn bản thất bại sau 3 lần thử: Mất kết nối tới cơ sở dữ liệu.');
    expect(downloads).toEqual([]);
  });

  it("shows the server's refusal of the export itself", async () => {
    stubFetch({ 'GET /api/submissions/s1/export?format=pdf': () => json(403, { statusCode: 403, message: 'Bạn không có quyền xem báo cáo này.' }) });
    renderWithProviders(<OfficialDocuments submission={submission()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Tải PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn không có quyền xem báo cáo này.');
  });
});

describe('SignaturePanel', () => {
  const signed = submission({
    signature: { hash: HASH, signedBy: 'h1', signedByName: 'Trần Thị Hiệu Trưởng', role: 'head', unitId: 'u1', signedAt: '2025-06-05T02:07:00.000Z' },
  });

  it('shows who signed, when (dd/mm/yyyy HH:mm) and the short hash; nothing when unsigned', async () => {
    stubFetch({});
    const { unmount } = renderWithProviders(<OfficialDocuments submission={signed} />);
    // the signed report's panels are their own chunk (lazy)
    const panel = await screen.findByTestId('signature-panel');
    expect(within(panel).getByTestId('signed-by')).toHaveTextContent('Trần Thị Hiệu Trưởng (Thủ trưởng đơn vị)');
    expect(within(panel).getByTestId('signed-at')).toHaveTextContent(/^05\/06\/2025 \d\d:07$/);
    expect(within(panel).getByTestId('signature-hash')).toHaveTextContent('a3f1c9e2b4…b4d6f8');
    expect(within(panel).getByTestId('signature-hash')).toHaveAttribute('title', HASH);
    unmount();
    renderWithProviders(<OfficialDocuments submission={submission()} />);
    expect(screen.queryByTestId('signature-panel')).not.toBeInTheDocument();
  });

  it('"Kiểm tra toàn vẹn" reports an intact report in green', async () => {
    const calls = stubFetch({
      'GET /api/submissions/s1/verify': () => json(200, { ok: true, signature: { ok: true, expected: HASH, actual: HASH }, log: { ok: true, entries: 4 }, problems: [] }),
    });
    renderWithProviders(<OfficialDocuments submission={signed} />);
    await userEvent.click(await screen.findByRole('button', { name: /Kiểm tra toàn vẹn/ }));
    const ok = await screen.findByTestId('verify-ok');
    expect(ok).toHaveTextContent('Nội dung và nhật ký còn nguyên vẹn');
    expect(ok).toHaveTextContent('nhật ký xử lý gồm 4 mục');
    expect(calls[0].auth).toBe('Bearer tok');
  });

  it('lists the problems in red when the content or the log was altered', async () => {
    stubFetch({
      'GET /api/submissions/s1/verify': () =>
        json(200, {
          ok: false,
          signature: { ok: false, expected: HASH, actual: 'ffff' + HASH.slice(4) },
          log: { ok: false, brokenAt: 3, entries: 4 },
          problems: ['Nội dung báo cáo đã bị thay đổi sau khi ký (mã băm không khớp chữ ký).', 'Mục nhật ký số 3 đã bị sửa sau khi ghi.'],
        }),
    });
    renderWithProviders(<OfficialDocuments submission={signed} />);
    await userEvent.click(await screen.findByRole('button', { name: /Kiểm tra toàn vẹn/ }));
    const bad = await screen.findByTestId('verify-problems');
    expect(bad).toHaveAttribute('role', 'alert');
    expect(bad).toHaveTextContent('Nội dung báo cáo đã bị thay đổi sau khi ký');
    expect(bad).toHaveTextContent('Mục nhật ký số 3 đã bị sửa sau khi ghi.');
    expect(bad).toHaveTextContent('Mã băm lúc ký: a3f1c9e2b4…b4d6f8');
    expect(screen.queryByTestId('verify-ok')).not.toBeInTheDocument();
  });
});

describe('PdfSignaturesPanel', () => {
  const signed = submission({
    signature: { hash: HASH, signedBy: 'h1', signedByName: 'Trần Thị Hiệu Trưởng', role: 'head', unitId: 'u1', signedAt: '2025-06-05T02:07:00.000Z' },
  });

  it('lists each PAdES signature with its verdict, the test-only mark and the reasons of an invalid one', async () => {
    const sig = (over: object) => ({
      index: 1, kind: 'signer', provider: 'development', subject: 'CN=Trần Thị Hiệu Trưởng, O=Trường', issuer: 'CN=CA thử nghiệm Báo cáo BĐG',
      signingTime: '2025-06-05T02:07:00.000Z', covers: { bytes: 100, ofBytes: 200, wholeDocument: false }, testOnly: true, matchesStoredData: true, valid: true, problems: [], ...over,
    });
    stubFetch({
      'GET /api/submissions/s1/signatures': () =>
        json(200, {
          officialPdf: { sha256: HASH, bytes: 200, revisions: 2 },
          signatures: [sig({}), sig({ index: 2, kind: 'seal', subject: 'CN=Trường', valid: false, testOnly: false, covers: { bytes: 200, ofBytes: 200, wholeDocument: true }, problems: ['Nội dung tệp đã bị thay đổi sau khi ký (mã băm không khớp).'] })],
        }),
    });
    renderWithProviders(<OfficialDocuments submission={signed} />);
    expect(await screen.findByTestId('signature-panel')).toHaveTextContent('Mã kiểm tra toàn vẹn');
    expect(screen.getByTestId('signature-panel')).not.toHaveTextContent('Chữ ký số');
    await userEvent.click(await screen.findByTestId('pdf-signatures-check'));
    const first = await screen.findByTestId('pdf-signature-1');
    expect(first).toHaveTextContent('Trần Thị Hiệu Trưởng');
    expect(first).toHaveTextContent('Hợp lệ');
    expect(first).toHaveTextContent('Chữ ký thử nghiệm, không có giá trị pháp lý');
    const second = screen.getByTestId('pdf-signature-2');
    expect(second).toHaveTextContent('Không hợp lệ');
    expect(second).toHaveTextContent('Chữ ký số của cơ quan (đóng dấu)');
    expect(second).toHaveTextContent('Nội dung tệp đã bị thay đổi sau khi ký');
  });
});
