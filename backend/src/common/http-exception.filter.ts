import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

/** Every error leaves as {statusCode, error, message, details?} with a Vietnamese message; never a stack. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.log.error(exception instanceof Error ? exception.stack : String(exception));
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(e: unknown): { statusCode: number; error: string; message: string; details?: unknown } {
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const r = e.getResponse();
      if (typeof r === 'object' && r && 'message' in r && typeof (r as { message: unknown }).message === 'string') {
        const o = r as { message: string; error?: string; details?: unknown };
        if (/[à-ỹđ]/i.test(o.message) || o.details !== undefined)
          return { statusCode: status, error: o.error ?? e.name, message: o.message, details: o.details };
      }
      const cause = (e as { cause?: unknown }).cause ?? r;
      if (status === 400 && /JSON/i.test(String((cause as { message?: string })?.message ?? e.message)))
        return { statusCode: 400, error: 'Bad Request', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' };
      if (status === 413) return { statusCode: 413, error: 'Payload Too Large', message: genericMessage(413) };
      return { statusCode: status, error: e.name, message: genericMessage(status) };
    }
    const err = e as { type?: string; status?: number; code?: string; message?: string };
    // body-parser errors
    if (err?.type === 'entity.parse.failed')
      return { statusCode: 400, error: 'Bad Request', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' };
    if (err?.type === 'entity.too.large')
      return { statusCode: 413, error: 'Payload Too Large', message: 'Dữ liệu gửi lên quá lớn.' };
    if (err?.status && err.status >= 400 && err.status < 500)
      return { statusCode: err.status, error: 'Bad Request', message: genericMessage(err.status) };
    if (e instanceof QueryFailedError) {
      const code = (e.driverError as { code?: string })?.code;
      if (code === '22P02' || code === '22023')
        return { statusCode: 400, error: 'Bad Request', message: 'Tham số không hợp lệ.' };
      if (code === '23505') return { statusCode: 409, error: 'Conflict', message: 'Dữ liệu đã tồn tại (trùng mã).' };
      if (code === '55P03')
        return { statusCode: 409, error: 'Conflict', message: 'Báo cáo đang được xử lý bởi một thao tác khác. Vui lòng thử lại sau giây lát.' };
      if (code === '40001' || code === '40P01')
        return { statusCode: 409, error: 'Conflict', message: 'Xung đột ghi đồng thời, vui lòng thử lại.' };
    }
    if (isConnectionError(e))
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít giây.',
      };
    return { statusCode: 500, error: 'Internal Server Error', message: 'Lỗi máy chủ. Vui lòng thử lại sau.' };
  }
}

export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? (e as { driverError?: { code?: string } })?.driverError?.code;
  const msg = String((e as { message?: string })?.message ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(code ?? '') ||
    // …and what node-postgres says while the server restarts after a crash (the supervised embedded one).
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|already released|terminating connection|the database system is|server closed the connection|socket has been ended/i.test(
      msg,
    )
  );
}

export function genericMessage(status: number): string {
  switch (status) {
    case 400:
      return 'Yêu cầu không hợp lệ.';
    case 401:
      return 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.';
    case 403:
      return 'Bạn không có quyền thực hiện thao tác này.';
    case 404:
      return 'Không tìm thấy địa chỉ hoặc dữ liệu yêu cầu.';
    case 405:
      return 'Phương thức không được hỗ trợ.';
    case 409:
      return 'Xung đột dữ liệu.';
    case 413:
      return 'Dữ liệu gửi lên quá lớn.';
    case 415:
      return 'Định dạng dữ liệu không được hỗ trợ.';
    case 429:
      return 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.';
    default:
      return status >= 500 ? 'Lỗi máy chủ. Vui lòng thử lại sau.' : 'Yêu cầu không hợp lệ.';
  }
}
