/** The log's recorded words (`save`, `org_unit`, `event:SUBMIT`) as an admin reads them. */

const ACTIONS: Record<string, string> = {
  save: 'Lưu dữ liệu',
  create: 'Tạo mới',
  update: 'Sửa',
  publish: 'Xuất bản',
  open: 'Mở đợt báo cáo',
  'open-start': 'Bắt đầu mở đợt',
  import: 'Nhập từ tệp',
  move: 'Chuyển đơn vị',
  merge: 'Sáp nhập đơn vị',
  remind: 'Nhắc hạn',
  escalate: 'Báo cấp trên',
  upload: 'Tải tệp đính kèm',
  remove: 'Xoá',
  adjust: 'Điều chỉnh',
  logout: 'Đăng xuất mọi phiên',
  'change-password': 'Đổi mật khẩu',
  'forgot-password': 'Yêu cầu lấy lại mật khẩu',
  'reset-password-link': 'Đặt lại mật khẩu qua liên kết',
  'signature-image:set': 'Cập nhật ảnh chữ ký',
  'seal-image:set': 'Cập nhật ảnh con dấu',
};

/** The actions an admin may filter by, with their labels (the flow's events are listed as they come). */
export const ACTION_OPTIONS = Object.entries(ACTIONS).map(([value, label]) => ({ value, label }));

const ENTITIES: Record<string, string> = {
  submission: 'Báo cáo',
  user: 'Người dùng',
  org_unit: 'Đơn vị',
  round: 'Đợt báo cáo',
  template_version: 'Biểu mẫu',
  flow_version: 'Quy trình',
  role: 'Vai trò',
  'unit-kind': 'Loại đơn vị',
  regime: 'Chế độ báo cáo',
  calendar: 'Lịch nghỉ',
  attachment: 'Tệp đính kèm',
};

/** "event:SUBMIT" is a step of a report's flow: named by the event the flow defines, shown as recorded. */
export function actionLabel(action: string): string {
  if (action.startsWith('event:')) return `Bước quy trình: ${action.slice('event:'.length)}`;
  return ACTIONS[action] ?? action;
}

export function entityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity;
}

/** The recorded details on one line ("phiên bản: 3"); too large ones were left out by the server. */
export function detailText(detail: Record<string, unknown> | null): string {
  if (detail === null) return '(chi tiết quá dài, không hiển thị)';
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}
