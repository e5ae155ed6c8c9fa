/** Saving the drawn flow as a new version (draft or published), with its progress and the server's findings. */
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { describeError, serverFindings } from '../../components/errors';
import type { Finding } from '../../domain/bdg';

export type SaveProgress = { step: number; error?: string } | null;

interface SaveOptions {
  targetCode: string;
  def: Record<string, unknown>;
  errorCount: number;
  onSaved: () => void;
  onServerIssues: (f: Finding[]) => void;
}

export function useFlowSave({ targetCode, def, errorCount, onSaved, onServerIssues }: SaveOptions) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<SaveProgress>(null);

  const saveVersion = async (publish: boolean) => {
    setProgress({ step: 0 });
    try {
      const created = await adminApi.createFlowVersion(targetCode, def);
      setProgress({ step: 1 });
      if (publish) {
        await adminApi.publishFlowVersion(targetCode, created.version);
        setProgress({ step: 2 });
      }
      onSaved();
      void qc.invalidateQueries({ queryKey: adminKeys.flows });
      message.success(publish ? `Đã xuất bản ${targetCode} phiên bản ${created.version}.` : `Đã lưu ${targetCode} phiên bản nháp ${created.version}.`);
      setProgress(null);
      navigate(`/admin/flows/${encodeURIComponent(targetCode)}/${created.version}`);
    } catch (e) {
      onServerIssues(serverFindings(e) as Finding[]);
      setProgress({ step: -1, error: describeError(e) });
    }
  };
  const save = useMutation({ mutationFn: saveVersion });

  const confirmSave = (publish: boolean) => {
    if (errorCount) return message.error(`Quy trình còn ${errorCount} lỗi; sửa xong mới lưu được. Không có gì được lưu.`);
    modal.confirm({
      title: publish ? `Xuất bản phiên bản mới của quy trình ${targetCode}?` : `Lưu thành phiên bản nháp mới của ${targetCode}?`,
      content: publish
        ? 'Phiên bản đã xuất bản không sửa được nữa; các đợt báo cáo mở sau sẽ dùng được nó. Các đợt đang chạy vẫn giữ phiên bản cũ.'
        : 'Một phiên bản nháp mới được tạo từ nội dung đang vẽ.',
      okText: publish ? 'Xuất bản' : 'Lưu',
      cancelText: 'Huỷ',
      okButtonProps: { ...({ 'data-testid': 'confirm-flow-save' } as Record<string, string>) },
      onOk: () => save.mutate(publish),
    });
  };
  return { progress, closeProgress: () => setProgress(null), confirmSave };
}
