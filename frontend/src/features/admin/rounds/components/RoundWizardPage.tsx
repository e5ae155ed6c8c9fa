/** Opening a reporting round: template version, subtree, flow and deadline per unit kind, preview, open. */
import { Alert, App, Button, Card, Space, Steps, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { OrgUnit, RoundPreview } from '../../api/types';
import { flowsOf, roundProblems, type RoundDraft } from '../utils/round-payload';
import { useDeadlineCheck } from '../hooks/use-deadline-check';
import { useOpenRound } from '../hooks/use-open-round';
import { useRoundKinds } from '../hooks/use-round-kinds';
import { hasDeadlineErrors } from './DeadlineFindings';
import { RoundFlowsStep } from './RoundFlowsStep';
import { RoundGeneralStep } from './RoundGeneralStep';
import { RoundOpened, RoundPreviewStep } from './RoundPreviewStep';
import { RoundScopeStep } from './RoundScopeStep';

const LAST = 3;

/** What still keeps the admin on this step (the wizard's own check of the draft, by step). */
function problemsOf(draft: RoundDraft, step: number): string[] {
  const all = roundProblems(draft);
  if (step === 0) return all.filter((p) => /tên đợt|kỳ báo cáo|biểu mẫu/.test(p));
  if (step === 1) return all.filter((p) => /đơn vị gốc/.test(p));
  if (step === 2) return all.filter((p) => /quy trình|hạn nộp|hai lần/.test(p));
  return all;
}

export function RoundWizardPage() {
  const { modal } = App.useApp();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<RoundDraft>({ rows: [] });
  const [rootUnit, setRootUnit] = useState<OrgUnit | undefined>();
  const templates = useQuery({ queryKey: adminKeys.all(adminKeys.templates), queryFn: adminApi.allTemplates });
  const flows = useQuery({ queryKey: adminKeys.all(adminKeys.flows), queryFn: adminApi.allFlows });
  const publishedFlows = (flows.data ?? []).filter((f) => f.versions.some((v) => v.status === 'published'));
  const { kindCounts, loadingKinds } = useRoundKinds(draft, setDraft, rootUnit, publishedFlows.map((f) => f.code), flows.data);

  const preview = useQuery<RoundPreview>({
    queryKey: ['admin', 'round-preview', draft.rootUnitId, flowsOf(draft.rows)],
    queryFn: () => adminApi.previewRound({ rootUnitId: draft.rootUnitId!, flows: flowsOf(draft.rows) }),
    enabled: step === LAST && !!draft.rootUnitId && Object.keys(flowsOf(draft.rows)).length > 0,
  });
  const deadlineCheck = useDeadlineCheck(draft, step >= 2);
  const { open, jobProgress } = useOpenRound(draft);
  const stepProblems = useMemo(() => problemsOf(draft, step), [draft, step]);

  const confirmOpen = () =>
    modal.confirm({
      title: `Mở đợt “${draft.name}”?`,
      content: `Hệ thống sẽ tạo ${preview.data?.total ?? ''} hồ sơ báo cáo và thông báo cho các đơn vị. Đợt đã mở không thể xoá.${
        deadlineCheck.data?.findings.length ? ` Còn ${deadlineCheck.data.findings.length} cảnh báo về hạn nộp (xem ở trên).` : ''
      }`,
      okText: 'Mở đợt báo cáo',
      cancelText: 'Huỷ',
      okButtonProps: { ...({ 'data-testid': 'confirm-open-round' } as Record<string, string>) },
      onOk: () => {
        open.mutate();
      },
    });

  if (open.isSuccess) return <RoundOpened round={open.data} />;

  return (
    <div data-testid="round-wizard">
      <Typography.Title level={4}>Mở đợt báo cáo</Typography.Title>
      <Steps
        current={step}
        onChange={(s) => s < step && setStep(s)}
        items={[{ title: 'Thông tin chung' }, { title: 'Phạm vi' }, { title: 'Quy trình & hạn nộp' }, { title: 'Xem trước & mở' }]}
        style={{ marginBottom: 16 }}
      />
      <Card>
        {step === 0 && <RoundGeneralStep draft={draft} setDraft={setDraft} templates={templates.data ?? []} loadingTemplates={templates.isLoading} />}
        {step === 1 && (
          <RoundScopeStep
            rootUnitId={draft.rootUnitId}
            onRoot={(id, unit) => {
              setRootUnit(unit);
              setDraft({ ...draft, rootUnitId: id, rows: [] });
            }}
            kindCounts={kindCounts}
            loadingKinds={loadingKinds}
          />
        )}
        {step === 2 && <RoundFlowsStep draft={draft} setDraft={setDraft} kindCounts={kindCounts} publishedFlows={publishedFlows} deadlineCheck={deadlineCheck} />}
        {step === LAST && (
          <RoundPreviewStep draft={draft} rootName={rootUnit?.name} preview={preview} deadlineCheck={deadlineCheck} open={open} jobProgress={jobProgress} />
        )}
        {stepProblems.length > 0 && step > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={stepProblems.join(' ')} />}
        <WizardNav
          step={step}
          setStep={setStep}
          busy={open.isPending}
          blocked={stepProblems.length > 0}
          canOpen={!!preview.data && !hasDeadlineErrors(deadlineCheck)}
          onOpen={confirmOpen}
        />
      </Card>
    </div>
  );
}

interface NavProps {
  step: number;
  setStep: (s: number) => void;
  busy: boolean;
  /** The step still has problems: the admin cannot go on. */
  blocked: boolean;
  canOpen: boolean;
  onOpen: () => void;
}

function WizardNav({ step, setStep, busy, blocked, canOpen, onOpen }: NavProps) {
  return (
    <Space style={{ marginTop: 16 }}>
      {step > 0 && (
        <Button onClick={() => setStep(step - 1)} disabled={busy}>
          Quay lại
        </Button>
      )}
      {step < LAST && (
        <Button type="primary" data-testid="round-next" disabled={blocked} onClick={() => setStep(step + 1)}>
          Tiếp tục
        </Button>
      )}
      {step === LAST && (
        <Button type="primary" data-testid="open-round" loading={busy} disabled={!canOpen || blocked} onClick={onOpen}>
          Mở đợt báo cáo
        </Button>
      )}
    </Space>
  );
}
