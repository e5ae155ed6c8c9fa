/** Opening a reporting round: template version, subtree, flow and deadline per unit kind, preview, open. */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { OrgUnit, Round, RoundPreview } from '../../api/types';
import { describeError } from '../../components/errors';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import {
  buildRoundPayload,
  flowsOf,
  roundProblems,
  suggestFlow,
  type KindRow,
  type RoundDraft,
} from '../utils/round-payload';
import { useDeadlineCheck } from '../hooks/use-deadline-check';
import { DeadlineFindings, hasDeadlineErrors } from './DeadlineFindings';
import { formatProgress } from '../../../../shared/format/format';

type TreeUnit = OrgUnit & { children?: TreeUnit[] };

function countKinds(t: TreeUnit, acc = new Map<string, number>()): Map<string, number> {
  if (!t.mergedIntoId) acc.set(t.kind, (acc.get(t.kind) ?? 0) + 1);
  for (const c of t.children ?? []) countKinds(c, acc);
  return acc;
}

const DATE_FMT = 'DD/MM/YYYY';

export function RoundWizardPage() {
  const { modal } = App.useApp();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<RoundDraft>({ rows: [] });
  const [kindCounts, setKindCounts] = useState<Map<string, number> | null>(null);
  const [loadingKinds, setLoadingKinds] = useState(false);
  const [rootUnit, setRootUnit] = useState<OrgUnit | undefined>();
  const [newKind, setNewKind] = useState('');
  const templates = useQuery({ queryKey: adminKeys.all(adminKeys.templates), queryFn: adminApi.allTemplates });
  const flows = useQuery({ queryKey: adminKeys.all(adminKeys.flows), queryFn: adminApi.allFlows });
  const publishedFlows = (flows.data ?? []).filter((f) => f.versions.some((v) => v.status === 'published'));
  const flowCodes = publishedFlows.map((f) => f.code);

  const templateOptions = (templates.data ?? []).flatMap((t) =>
    t.versions
      .filter((v) => v.status === 'published')
      .map((v) => ({
        value: `${t.code}@${v.version}`,
        label: `${v.title || t.title} — ${t.code} v${v.version}`,
      })),
  );

  // Kinds present in the chosen subtree, each with a suggested flow.
  useEffect(() => {
    if (!draft.rootUnitId) return;
    let live = true;
    setLoadingKinds(true);
    const root = draft.rootUnitId;
    const load = async (): Promise<Map<string, number>> => {
      try {
        const tree = await apiTree(root);
        return countKinds(tree);
      } catch {
        const children = await adminApi.orgUnitChildren(root);
        const m = new Map<string, number>();
        if (rootUnit) m.set(rootUnit.kind, 1);
        for (const c of children) m.set(c.kind, (m.get(c.kind) ?? 0) + 1);
        return m;
      }
    };
    load()
      .then((m) => {
        if (!live) return;
        setKindCounts(m);
        setDraft((d) => ({
          ...d,
          rows: [...m.keys()].map(
            (kind) => d.rows.find((r) => r.kind === kind) ?? { kind, flowCode: suggestFlow(kind, flowCodes) },
          ),
        }));
      })
      .catch(() => live && setKindCounts(new Map()))
      .finally(() => live && setLoadingKinds(false));
    return () => {
      live = false;
    };
  }, [draft.rootUnitId, flows.data]);

  const preview = useQuery<RoundPreview>({
    queryKey: ['admin', 'round-preview', draft.rootUnitId, flowsOf(draft.rows)],
    queryFn: () => adminApi.previewRound({ rootUnitId: draft.rootUnitId!, flows: flowsOf(draft.rows) }),
    enabled: step === 3 && !!draft.rootUnitId && Object.keys(flowsOf(draft.rows)).length > 0,
  });

  const deadlineCheck = useDeadlineCheck(draft, step >= 2);

  const [jobProgress, setJobProgress] = useState<number | null>(null);
  const open = useMutation({
    mutationFn: async () => {
      setJobProgress(null);
      const res = (await adminApi.openRound(buildRoundPayload(draft))) as Round & { jobId?: string };
      if (!res.jobId) return res;
      // A large subtree is opened by a background job: follow it.
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const job = await adminApi.getJob(res.jobId);
        setJobProgress(typeof job.progress === 'number' ? job.progress : null);
        if (job.state === 'completed') return { ...res, ...(job.result as object | null), status: 'open' } as Round;
        if (job.state === 'failed')
          throw new Error(
            typeof job.error === 'string' ? job.error : 'Tạo hồ sơ thất bại; không có đợt nào được mở.',
          );
      }
    },
  });

  const setRow = (kind: string, patch: Partial<KindRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.kind === kind ? { ...r, ...patch } : r)) }));

  const stepProblems = useMemo(() => {
    const all = roundProblems(draft);
    if (step === 0) return all.filter((p) => /tên đợt|kỳ báo cáo|biểu mẫu/.test(p));
    if (step === 1) return all.filter((p) => /đơn vị gốc/.test(p));
    if (step === 2) return all.filter((p) => /quy trình|hạn nộp|hai lần/.test(p));
    return all;
  }, [draft, step]);

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

  if (open.isSuccess) {
    const r = open.data;
    return (
      <Result
        status="success"
        data-testid="round-opened"
        title={`Đã mở đợt “${r.name}”`}
        subTitle={`Đã tạo ${r.counts?.total ?? ''} hồ sơ báo cáo.`}
        extra={[
          <Link key="list" to="/admin/rounds">
            Danh sách đợt báo cáo
          </Link>,
        ]}
      >
        {r.counts && (
          <Table
            size="small"
            pagination={false}
            rowKey="kind"
            dataSource={Object.entries(r.counts.byKind).map(([kind, n]) => ({ kind, n }))}
            columns={[
              { title: 'Loại đơn vị', dataIndex: 'kind' },
              { title: 'Số hồ sơ', dataIndex: 'n' },
            ]}
          />
        )}
      </Result>
    );
  }

  return (
    <div data-testid="round-wizard">
      <Typography.Title level={4}>Mở đợt báo cáo</Typography.Title>
      <Steps
        current={step}
        onChange={(s) => s < step && setStep(s)}
        items={[
          { title: 'Thông tin chung' },
          { title: 'Phạm vi' },
          { title: 'Quy trình & hạn nộp' },
          { title: 'Xem trước & mở' },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Card>
        {step === 0 && (
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item label="Tên đợt báo cáo" required>
              <Input
                aria-label="Tên đợt báo cáo"
                data-testid="round-name"
                placeholder="Báo cáo công tác BĐG năm 2025"
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="Kỳ báo cáo" required>
              <Input
                aria-label="Kỳ báo cáo"
                data-testid="round-period"
                placeholder="2025, 2025-H1, 2021-2025"
                value={draft.period}
                onChange={(e) => setDraft({ ...draft, period: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="Biểu mẫu (phiên bản đã xuất bản)" required>
              <Select
                aria-label="Biểu mẫu"
                data-testid="round-template"
                loading={templates.isLoading}
                showSearch
                optionFilterProp="label"
                value={draft.template ? `${draft.template.code}@${draft.template.version}` : undefined}
                onChange={(v: string) => {
                  const [code, version] = v.split('@');
                  setDraft({ ...draft, template: { code: code!, version: Number(version) } });
                }}
                options={templateOptions}
                notFoundContent="Chưa có biểu mẫu nào được xuất bản."
              />
            </Form.Item>
          </Form>
        )}
        {step === 1 && (
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item label="Đơn vị gốc: đợt gồm đơn vị này và mọi đơn vị trực thuộc" required>
              <OrgUnitTreeSelect
                data-testid="round-root"
                value={draft.rootUnitId}
                onChange={(id, unit) => {
                  setRootUnit(unit);
                  setDraft({ ...draft, rootUnitId: id, rows: [] });
                }}
              />
            </Form.Item>
            {loadingKinds && <Spin tip="Đang đếm các đơn vị trực thuộc…" />}
            {kindCounts && !loadingKinds && (
              <Space wrap>
                {[...kindCounts].map(([k, n]) => (
                  <Tag key={k}>
                    {k}: {n} đơn vị
                  </Tag>
                ))}
              </Space>
            )}
          </Form>
        )}
        {step === 2 && (
          <>
            <Typography.Paragraph type="secondary">
              Mỗi loại đơn vị có quy trình riêng; loại không chọn quy trình sẽ không nhận hồ sơ. Đơn vị lá
              điền biểu mẫu, các đơn vị phía trên tổng hợp.
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="kind"
              pagination={false}
              data-testid="round-kinds"
              dataSource={draft.rows}
              columns={[
                { title: 'Loại đơn vị', dataIndex: 'kind', render: (k: string) => <Tag>{k}</Tag> },
                { title: 'Số đơn vị', render: (_, r) => kindCounts?.get(r.kind) ?? '—' },
                {
                  title: 'Quy trình',
                  render: (_, r) => (
                    <Select
                      aria-label={`Quy trình cho ${r.kind}`}
                      data-testid={`round-flow-${r.kind}`}
                      style={{ width: 220 }}
                      allowClear
                      placeholder="Không nhận hồ sơ"
                      value={r.flowCode}
                      onChange={(v?: string) => setRow(r.kind, { flowCode: v })}
                      options={publishedFlows.map((f) => ({
                        value: f.code,
                        label: `${f.title || f.code} (${f.code})`,
                      }))}
                    />
                  ),
                },
                {
                  title: 'Hạn nộp',
                  render: (_, r) => (
                    <DatePicker
                      aria-label={`Hạn nộp cho ${r.kind}`}
                      data-testid={`round-deadline-${r.kind}`}
                      format={DATE_FMT}
                      placeholder="dd/mm/yyyy"
                      disabled={!r.flowCode}
                      value={r.deadline ? dayjs(r.deadline) : null}
                      onChange={(d) => setRow(r.kind, { deadline: d ? d.format('YYYY-MM-DD') : undefined })}
                    />
                  ),
                },
              ]}
            />
            <Space style={{ marginTop: 8 }}>
              <Input
                aria-label="Thêm loại đơn vị"
                placeholder="Thêm loại đơn vị khác"
                value={newKind}
                onChange={(e) => setNewKind(e.target.value.trim())}
                style={{ width: 220 }}
              />
              <Button
                disabled={!newKind || draft.rows.some((r) => r.kind === newKind)}
                onClick={() => {
                  setDraft({
                    ...draft,
                    rows: [...draft.rows, { kind: newKind, flowCode: suggestFlow(newKind, flowCodes) }],
                  });
                  setNewKind('');
                }}
              >
                Thêm
              </Button>
            </Space>
            <DeadlineFindings check={deadlineCheck} />
          </>
        )}
        {step === 3 && (
          <>
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="Tên đợt">{draft.name}</Descriptions.Item>
              <Descriptions.Item label="Kỳ">{draft.period}</Descriptions.Item>
              <Descriptions.Item label="Biểu mẫu">
                {draft.template ? `${draft.template.code} v${draft.template.version}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="Đơn vị gốc">{rootUnit?.name ?? draft.rootUnitId}</Descriptions.Item>
            </Descriptions>
            {preview.isLoading && <Spin tip="Đang tính số hồ sơ…" />}
            {preview.error && (
              <Alert
                type="error"
                showIcon
                message={`Không xem trước được: ${describeError(preview.error)}`}
              />
            )}
            {preview.data && (
              <Table
                size="small"
                rowKey="kind"
                pagination={false}
                data-testid="round-preview"
                dataSource={draft.rows
                  .filter((r) => r.flowCode)
                  .map((r) => ({
                    kind: r.kind,
                    flow: r.flowCode,
                    deadline: r.deadline,
                    n: preview.data.byKind[r.kind] ?? 0,
                  }))}
                columns={[
                  { title: 'Cấp / loại đơn vị', dataIndex: 'kind' },
                  { title: 'Quy trình', dataIndex: 'flow' },
                  {
                    title: 'Hạn nộp',
                    dataIndex: 'deadline',
                    render: (d?: string) => (d ? dayjs(d).format(DATE_FMT) : ''),
                  },
                  { title: 'Số hồ sơ', dataIndex: 'n' },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <b>Tổng cộng</b>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1}>
                      <b data-testid="round-preview-total">{preview.data.total}</b>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            )}
            <DeadlineFindings check={deadlineCheck} />
            {open.isPending && (
              <Card size="small" style={{ marginTop: 12 }} data-testid="round-progress">
                <Typography.Text>Đang mở đợt và tạo hồ sơ cho các đơn vị… Bạn có thể rời trang này: tiến độ vẫn hiện ở danh sách đợt báo cáo.</Typography.Text>
                <Progress format={formatProgress} percent={jobProgress ?? 99} status="active" showInfo={jobProgress !== null} />
              </Card>
            )}
            {open.error && (
              <Alert
                style={{ marginTop: 12 }}
                type="error"
                showIcon
                message={`Chưa mở được đợt: ${describeError(open.error)}`}
              />
            )}
          </>
        )}
        {stepProblems.length > 0 && step > 0 && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon message={stepProblems.join(' ')} />
        )}
        <Space style={{ marginTop: 16 }}>
          {step > 0 && (
            <Button onClick={() => setStep(step - 1)} disabled={open.isPending}>
              Quay lại
            </Button>
          )}
          {step < 3 && (
            <Button
              type="primary"
              data-testid="round-next"
              disabled={stepProblems.length > 0}
              onClick={() => setStep(step + 1)}
            >
              Tiếp tục
            </Button>
          )}
          {step === 3 && (
            <Button
              type="primary"
              data-testid="open-round"
              loading={open.isPending}
              disabled={!preview.data || stepProblems.length > 0 || hasDeadlineErrors(deadlineCheck)}
              onClick={confirmOpen}
            >
              Mở đợt báo cáo
            </Button>
          )}
        </Space>
      </Card>
    </div>
  );
}

function apiTree(id: string): Promise<TreeUnit> {
  return adminApi.getOrgUnitTree(id) as Promise<TreeUnit>;
}
