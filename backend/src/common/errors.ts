import { HttpException, HttpStatus } from '@nestjs/common';

/** One field in a 422: the JSON Pointer (or DTO property), its title, and a Vietnamese sentence. */
export interface FieldProblem {
  path: string;
  title: string;
  message: string;
  severity?: string;
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export class ApiException extends HttpException {
  constructor(status: number, message: string, details?: unknown) {
    super({ statusCode: status, error: reasons[status] ?? 'Error', message, details }, status);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiException(400, message, details);
export const unauthorized = (message = 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.') =>
  new ApiException(401, message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new ApiException(403, message);
export const notFound = (what = 'Không tìm thấy dữ liệu yêu cầu.') => new ApiException(404, what);
export const conflict = (message: string, details?: unknown) => new ApiException(409, message, details);
export const unprocessable = (message: string, details?: FieldProblem[] | unknown) =>
  new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, message, details);
export const unavailable = (message = 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít giây.') =>
  new ApiException(503, message);
