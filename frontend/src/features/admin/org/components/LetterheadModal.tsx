import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { adminApi, sealImagePath } from '../../api/admin-api';
import type { OrgUnit } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AppearanceImageField } from './AppearanceImageField';

/** The letterhead fields of a unit (Nghị định 30/2020, Phụ lục I); empty clears a field. */
export const LETTERHEAD_FIELDS = [
  { key: 'governingBody', label: 'Tên cơ quan chủ quản', example: 'UBND TỈNH HƯNG YÊN', help: 'Dòng trên cùng của tiêu đề văn bản; để trống nếu đơn vị không có cơ quan chủ quản.' },
  { key: 'shortName', label: 'Tên viết tắt (số ký hiệu)', example: 'SGDĐT', help: 'Dùng trong "Số: …/BC-SGDĐT".' },
  { key: 'placeName', label: 'Địa danh', example: 'Hưng Yên', help: 'Dùng trong "Hưng Yên, ngày … tháng … năm …".' },
  { key: 'headTitle', label: 'Chức danh người đứng đầu', example: 'GIÁM ĐỐC', help: 'Cấp phó ký thay ghi "KT. GIÁM ĐỐC".' },
  { key: 'signAuthority', label: 'Thẩm quyền ký (TM./TL.)', example: 'TM. ỦY BAN NHÂN DÂN', help: 'Để trống nếu thủ trưởng ký trực tiếp.' },
] as const;

export type LetterheadKey = (typeof LETTERHEAD_FIELDS)[number]['key'];

export function LetterheadModal({ unit, onDone, onCancel }: { unit: OrgUnit; onDone: (m: string) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<LetterheadKey, string>>(
    () => Object.fromEntries(LETTERHEAD_FIELDS.map((f) => [f.key, unit[f.key] ?? ''])) as Record<LetterheadKey, string>,
  );
  const save = useMutation({
    mutationFn: () => adminApi.updateOrgUnit(unit.id, Object.fromEntries(LETTERHEAD_FIELDS.map((f) => [f.key, values[f.key].trim()]))),
    onSuccess: () => onDone('Đã lưu tiêu đề văn bản của đơn vị.'),
  });
  return (
    <Modal open title={`Tiêu đề văn bản — ${unit.name}`} okText="Lưu" cancelText="Huỷ" onOk={() => save.mutate()} confirmLoading={save.isPending} onCancel={onCancel}>
      <Typography.Paragraph type="secondary">Theo Nghị định 30/2020/NĐ-CP, Phụ lục I. Văn bản đã ký giữ nguyên tiêu đề cũ.</Typography.Paragraph>
      <Form layout="vertical">
        {LETTERHEAD_FIELDS.map((f) => (
          <Form.Item key={f.key} label={f.label} htmlFor={`lh-${f.key}`} extra={f.help}>
            <Input
              id={`lh-${f.key}`}
              data-testid={`lh-${f.key}`}
              placeholder={`Ví dụ: ${f.example}`}
              value={values[f.key]}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
            />
          </Form.Item>
        ))}
        <Form.Item label="Ảnh con dấu (chữ ký số của cơ quan)">
          <AppearanceImageField
            path={sealImagePath(unit.id)}
            label="Ảnh con dấu"
            hint="Hình con dấu của cơ quan, màu đỏ, kích thước thực, PNG nền trong suốt (tối đa 512 KB). Trên văn bản PDF ký số, dấu trùm lên khoảng 1/3 chữ ký về bên trái."
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}
