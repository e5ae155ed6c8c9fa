/**
 * Creating or editing a reporting regime with a form (no JSON): every change is checked by the
 * server's regime lint and previews the next rounds with their computed dates, in Vietnamese.
 */
import { Alert, Form, Modal, Spin, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Regime } from '@bdg/regimes';
import { useMemo, useState } from 'react';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { describeError } from '../../components/errors';
import { useDebounced } from '../../../../shared/paging/use-debounced';
import { problemPlace, type RegimeForm, toForm, toRegime } from '../utils/regime-form';
import { PlannedRoundsTable } from './PlannedRoundsTable';
import { RegimeGeneralFields } from './RegimeGeneralFields';
import { RegimeFlowsFields, RegimeLevelsFields } from './RegimeLevelsFields';

export interface RegimeEditorProps {
  /** The regime to edit, or the starting point of a new one. */
  initial: Regime;
  editing: boolean;
  onClose: (saved: boolean) => void;
}

export function RegimeEditor({ initial, editing, onClose }: RegimeEditorProps) {
  const qc = useQueryClient();
  const [form, setForm] = useState<RegimeForm>(() => toForm(initial));
  const set = (patch: Partial<RegimeForm>) => setForm((f) => ({ ...f, ...patch }));
  const regime = useMemo(() => toRegime(form), [form]);
  const settled = useDebounced(regime, 400);
  const templates = useQuery({ queryKey: adminKeys.all(adminKeys.templates), queryFn: adminApi.allTemplates });
  const flows = useQuery({ queryKey: adminKeys.all(adminKeys.flows), queryFn: adminApi.allFlows });
  const preview = useQuery({
    queryKey: ['admin', 'regimes', 'draft', settled],
    queryFn: () => adminApi.previewDraftRegime(settled, 4),
  });
  const save = useMutation({
    mutationFn: () => (editing ? adminApi.updateRegime(initial.code, regime) : adminApi.createRegime(regime)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: adminKeys.regimes });
      onClose(true);
    },
  });
  const problems = preview.data?.problems ?? [];
  const orderErrors = (preview.data?.rounds ?? []).some((r) => r.findings.some((f) => f.severity === 'error'));
  const stale = settled !== regime || preview.isFetching;
  return (
    <Modal
      open
      title={editing ? `Sửa chế độ báo cáo “${initial.name}”` : 'Thêm chế độ báo cáo'}
      okText="Lưu"
      cancelText="Huỷ"
      width={980}
      onOk={() => save.mutate()}
      onCancel={() => onClose(false)}
      okButtonProps={{ disabled: stale || problems.length > 0 || orderErrors, loading: save.isPending, ...({ 'data-testid': 'save-regime' } as Record<string, string>) }}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="regime-editor">
        <RegimeGeneralFields form={form} set={set} templates={templates.data ?? []} editing={editing} />
        <RegimeFlowsFields form={form} set={set} flowCodes={(flows.data ?? []).filter((f) => f.versions.some((v) => v.status === 'published')).map((f) => f.code)} />
        <RegimeLevelsFields form={form} set={set} />
      </Form>
      <Typography.Title level={5}>Các đợt sắp tới</Typography.Title>
      {preview.error && <Alert type="error" showIcon message={`Không tính được lịch: ${describeError(preview.error)}`} />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="regime-problems"
          message="Chế độ báo cáo chưa hợp lệ"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <b>{problemPlace(p.path)}</b>: {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {orderErrors && <Alert type="error" showIcon style={{ marginBottom: 8 }} message="Hạn nộp giữa các cấp chưa đúng thứ tự: sửa trước khi lưu (xem các đợt bên dưới)." />}
      {preview.isLoading ? <Spin /> : problems.length === 0 && <PlannedRoundsTable testId="regime-draft-preview" rounds={preview.data?.rounds ?? []} showStatus={false} />}
      {save.error && <Alert type="error" showIcon message={describeError(save.error)} style={{ marginTop: 8 }} data-testid="regime-error" />}
    </Modal>
  );
}
