/** The flow builder: graph, click-to-edit states and transitions, lint on the graph, simulation, publish. */
import { PlusOutlined, SendOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Row,
  Space,
  Spin,
  Steps,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { versionStatusLabel, type FlowVersion } from '../../api/types';
import { describeError, serverFindings } from '../../components/errors';
import { lintFlowDef, simulateFlow, type Finding } from '../../domain/bdg';
import { definitionToGraph, graphToDefinition, type FlowGraph } from '../utils/flow-graph';
import {
  addState,
  addTransition,
  findingTarget,
  removeState,
  removeTransition,
  setFinal,
  setInitial,
  setStateLabel,
  setStateLocked,
  setStateStatus,
  stateTagsOf,
  updateTransition,
  type EditResult,
} from '../utils/flow-edit';
import { FlowGraphView } from './FlowGraphView';
import { SimulationPanel, type LoopView, type PathView } from './SimulationPanel';
import { StateMeaningField } from './StateMeaningField';
import { TransitionForm } from './TransitionForm';

export function FlowEditorPage() {
  const { code = '', version = '' } = useParams();
  const [search] = useSearchParams();
  const v = Number(version);
  const q = useQuery({
    queryKey: adminKeys.flowVersion(code, v),
    queryFn: () => adminApi.getFlowVersion(code, v),
  });
  if (q.isLoading) return <Spin tip="Đang tải quy trình…" />;
  if (q.error || !q.data)
    return <Alert type="error" showIcon message={`Không tải được quy trình: ${describeError(q.error)}`} />;
  const as = search.get('as');
  return <FlowEditor key={`${code}/${v}/${as ?? ''}`} fv={q.data} targetCode={as || code} />;
}

type Selection = { state?: string; transitionId?: string; addingFrom?: string };

function FlowEditor({ fv, targetCode }: { fv: FlowVersion; targetCode: string }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [graph, setGraph] = useState<FlowGraph>(() => {
    const g = definitionToGraph(fv.machine);
    return targetCode !== fv.code ? { ...g, root: { ...g.root, id: targetCode } } : g;
  });
  const [sel, setSel] = useState<Selection>({});
  const [dirty, setDirty] = useState(targetCode !== fv.code);
  const [serverIssues, setServerIssues] = useState<Finding[]>([]);
  const [progress, setProgress] = useState<{ step: number; error?: string } | null>(null);
  const [newState, setNewState] = useState<{ name: string; label: string } | null>(null);
  const rounds = useQuery({ queryKey: adminKeys.all(adminKeys.rounds), queryFn: adminApi.allRounds });

  const def = useMemo(() => graphToDefinition(graph), [graph]);
  const findings = useMemo(() => {
    const lint: Finding[] = lintFlowDef(def);
    return [...lint, ...serverIssues].map((f) => ({ ...f, target: findingTarget(graph, f.path) }));
  }, [def, graph, serverIssues]);
  const errors = findings.filter((f) => f.severity === 'error');

  const problemsByState = useMemo(() => {
    const m = new Map<string, number>();
    for (const f of errors)
      if (f.target.state && !f.target.transitionId) m.set(f.target.state, (m.get(f.target.state) ?? 0) + 1);
    return m;
  }, [errors]);
  const problemTransitions = useMemo(
    () => new Set(errors.map((f) => f.target.transitionId).filter((x): x is string => !!x)),
    [errors],
  );

  const stateLabel = (n: string) => graph.states.find((s) => s.name === n)?.label || n;
  const paths: PathView[] | null = useMemo(() => {
    if (errors.length) return null;
    const sim = simulateFlow(def);
    if (!sim) return null;
    return sim.map((p) => ({
      target: p.target,
      targetLabel: stateLabel(p.target),
      startLabel: stateLabel(graph.initial),
      steps: p.steps.map((s) => ({
        key: `${s.from}|${s.event}|${s.to}`,
        event: s.event,
        eventLabel: s.eventLabel || s.event,
        toLabel: stateLabel(s.to),
        guards: ((s as { guardLabels?: string[] }).guardLabels ?? []) as string[],
      })),
    }));
  }, [def, errors.length]);

  // Transitions on no simple path are the loops back (returns, resubmissions): listed apart so every transition shows.
  const loops: LoopView[] = useMemo(() => {
    if (!paths) return [];
    const used = new Set(paths.flatMap((p) => p.steps.map((s) => s.key)));
    return graph.transitions
      .filter((t) => !used.has(`${t.source}|${t.event}|${t.target}`))
      .map((t) => ({
        fromLabel: stateLabel(t.source),
        event: t.event,
        eventLabel: t.label || t.event,
        toLabel: stateLabel(t.target),
      }));
  }, [paths, graph]);

  const apply = (r: EditResult): string | null => {
    if ('error' in r) {
      message.error(r.error);
      return r.error;
    }
    setGraph(r.graph);
    setDirty(true);
    setServerIssues([]);
    return null;
  };

  const saveVersion = async (publish: boolean) => {
    setProgress({ step: 0 });
    try {
      const created = await adminApi.createFlowVersion(targetCode, def);
      setProgress({ step: 1 });
      if (publish) {
        await adminApi.publishFlowVersion(targetCode, created.version);
        setProgress({ step: 2 });
      }
      setDirty(false);
      void qc.invalidateQueries({ queryKey: adminKeys.flows });
      message.success(
        publish
          ? `Đã xuất bản ${targetCode} phiên bản ${created.version}.`
          : `Đã lưu ${targetCode} phiên bản nháp ${created.version}.`,
      );
      setProgress(null);
      navigate(`/admin/flows/${encodeURIComponent(targetCode)}/${created.version}`);
    } catch (e) {
      setServerIssues(serverFindings(e) as Finding[]);
      setProgress({ step: -1, error: describeError(e) });
    }
  };
  const save = useMutation({ mutationFn: saveVersion });

  const confirmSave = (publish: boolean) => {
    if (errors.length)
      return message.error(
        `Quy trình còn ${errors.length} lỗi; sửa xong mới lưu được. Không có gì được lưu.`,
      );
    modal.confirm({
      title: publish
        ? `Xuất bản phiên bản mới của quy trình ${targetCode}?`
        : `Lưu thành phiên bản nháp mới của ${targetCode}?`,
      content: publish
        ? 'Phiên bản đã xuất bản không sửa được nữa; các đợt báo cáo mở sau sẽ dùng được nó. Các đợt đang chạy vẫn giữ phiên bản cũ.'
        : 'Một phiên bản nháp mới được tạo từ nội dung đang vẽ.',
      okText: publish ? 'Xuất bản' : 'Lưu',
      cancelText: 'Huỷ',
      okButtonProps: { ...({ 'data-testid': 'confirm-flow-save' } as Record<string, string>) },
      onOk: () => save.mutate(publish),
    });
  };

  const selectedState = sel.state ? graph.states.find((s) => s.name === sel.state) : undefined;
  const selectedTransition = sel.transitionId
    ? graph.transitions.find((t) => t.id === sel.transitionId)
    : undefined;
  const usage = (rounds.data ?? []).flatMap((r) =>
    Object.entries(r.flows)
      .filter(([, c]) => c === targetCode)
      .map(([kind]) => ({ key: `${r.id}/${kind}`, round: r.name, period: r.period, kind })),
  );

  const panel = () => {
    if (sel.addingFrom || selectedTransition) {
      const source = selectedTransition?.source ?? sel.addingFrom!;
      return (
        <Card
          size="small"
          title={
            selectedTransition
              ? `Chuyển tiếp ${selectedTransition.event} từ «${stateLabel(source)}»`
              : `Thêm chuyển tiếp từ «${stateLabel(source)}»`
          }
        >
          <TransitionForm
            key={selectedTransition?.id ?? `new-${source}`}
            graph={graph}
            source={source}
            existing={selectedTransition}
            readOnly={false}
            findings={errors
              .filter((f) => selectedTransition && f.target.transitionId === selectedTransition.id)
              .map((f) => f.message)}
            onSave={(t) => {
              const err = apply(
                selectedTransition
                  ? updateTransition(graph, selectedTransition.id, t)
                  : addTransition(graph, t),
              );
              if (!err) setSel({ state: source });
              return err;
            }}
            onRemove={
              selectedTransition
                ? () => {
                    setGraph(removeTransition(graph, selectedTransition.id));
                    setDirty(true);
                    setSel({ state: source });
                  }
                : undefined
            }
            onCancel={() => setSel({ state: source })}
          />
        </Card>
      );
    }
    if (selectedState) {
      const out = graph.transitions.filter((t) => t.source === selectedState.name);
      return (
        <Card size="small" title={`Trạng thái «${selectedState.label || selectedState.name}»`} extra={<Typography.Text type="secondary" code title="Mã (nâng cao)">{selectedState.name}</Typography.Text>} data-testid="state-panel">
          {errors
            .filter((f) => f.target.state === selectedState.name && !f.target.transitionId)
            .map((f, i) => (
              <Alert key={i} type="error" showIcon message={f.message} style={{ marginBottom: 6 }} />
            ))}
          <Form layout="vertical" size="small">
            <Form.Item label="Nhãn hiển thị">
              <Input
                aria-label="Nhãn trạng thái"
                data-testid="state-label"
                value={selectedState.label}
                onChange={(e) => {
                  setGraph(setStateLabel(graph, selectedState.name, e.target.value));
                  setDirty(true);
                }}
              />
            </Form.Item>
            <StateMeaningField
              tags={stateTagsOf(graph, selectedState.name)}
              onStatus={(s) => {
                setGraph(setStateStatus(graph, selectedState.name, s));
                setDirty(true);
              }}
              onLocked={(v) => {
                setGraph(setStateLocked(graph, selectedState.name, v));
                setDirty(true);
              }}
            />
            <Space wrap>
              <span>
                <Switch
                  checked={selectedState.final}
                  onChange={(v) => apply(setFinal(graph, selectedState.name, v))}
                  aria-label="Trạng thái kết thúc"
                />{' '}
                Trạng thái kết thúc
              </span>
              <Button
                size="small"
                disabled={graph.initial === selectedState.name}
                onClick={() => apply(setInitial(graph, selectedState.name))}
              >
                Đặt làm trạng thái bắt đầu
              </Button>
              <Popconfirm
                title={`Xoá trạng thái «${selectedState.label || selectedState.name}»?`}
                description="Mọi chuyển tiếp đi vào và đi ra khỏi trạng thái này cũng bị xoá."
                okText="Xoá"
                cancelText="Huỷ"
                okButtonProps={{ danger: true }}
                onConfirm={() => {
                  if (!apply(removeState(graph, selectedState.name))) setSel({});
                }}
              >
                <Button size="small" danger data-testid="remove-state">
                  Xoá trạng thái
                </Button>
              </Popconfirm>
            </Space>
          </Form>
          <List
            style={{ marginTop: 12 }}
            size="small"
            header={<Typography.Text strong>Chuyển tiếp đi ra</Typography.Text>}
            dataSource={out}
            locale={{
              emptyText: selectedState.final
                ? 'Trạng thái kết thúc không có chuyển tiếp.'
                : 'Chưa có chuyển tiếp nào.',
            }}
            renderItem={(t) => (
              <List.Item
                style={{ cursor: 'pointer' }}
                onClick={() => setSel({ state: t.source, transitionId: t.id })}
                data-testid={`transition-item-${t.id}`}
              >
                <span>
                  <Tag color={problemTransitions.has(t.id) ? 'red' : undefined}>{t.event}</Tag>
                  {t.label || <i>(chưa có nhãn)</i>} → {stateLabel(t.target)}
                </span>
              </List.Item>
            )}
          />
          {!selectedState.final && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setSel({ state: selectedState.name, addingFrom: selectedState.name })}
              data-testid="add-transition"
            >
              Thêm chuyển tiếp
            </Button>
          )}
        </Card>
      );
    }
    return <Empty description="Bấm vào một trạng thái hoặc một mũi tên trên sơ đồ để sửa." />;
  };

  return (
    <div data-testid="flow-editor">
      <Breadcrumb
        items={[
          { title: <Link to="/admin/flows">Quy trình</Link> },
          {
            title: `${targetCode}${targetCode === fv.code ? ` — từ phiên bản ${fv.version}` : ` (sao chép từ ${fv.code} v${fv.version})`}`,
          },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {(graph.root.meta as { label?: string } | undefined)?.label ?? fv.title ?? targetCode}
          </Typography.Title>
          <Tag color={fv.status === 'published' ? 'green' : 'gold'}>
            {versionStatusLabel(fv.status)}
          </Tag>
          {dirty && <Tag color="orange">Có thay đổi chưa lưu</Tag>}
          {errors.length > 0 && (
            <Tag color="red" data-testid="flow-error-count">
              {errors.length} lỗi
            </Tag>
          )}
        </Space>
        <Space wrap>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setNewState({ name: '', label: '' })}
            data-testid="add-state"
          >
            Thêm trạng thái
          </Button>
          <Button
            icon={<SaveOutlined />}
            onClick={() => confirmSave(false)}
            disabled={!dirty}
            data-testid="save-flow"
          >
            Lưu phiên bản nháp
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => confirmSave(true)}
            data-testid="publish-flow"
          >
            Xuất bản phiên bản mới
          </Button>
        </Space>
      </Space>
      {fv.status === 'published' && !dirty && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          message="Đây là phiên bản đã xuất bản. Mọi thay đổi sẽ được lưu thành một phiên bản mới; phiên bản này giữ nguyên."
        />
      )}
      {progress && (
        <Card size="small" style={{ marginTop: 8 }} data-testid="flow-progress">
          <Steps
            size="small"
            current={progress.step < 0 ? 0 : progress.step}
            status={progress.step < 0 ? 'error' : 'process'}
            items={[{ title: 'Lưu phiên bản mới' }, { title: 'Xuất bản' }, { title: 'Xong' }]}
          />
          {progress.error && (
            <Alert
              style={{ marginTop: 8 }}
              type="error"
              showIcon
              message={`Không có gì được xuất bản: ${progress.error}`}
              action={
                <Button size="small" onClick={() => setProgress(null)}>
                  Đóng
                </Button>
              }
            />
          )}
        </Card>
      )}
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={15}>
          <FlowGraphView
            graph={graph}
            selected={sel}
            problemsByState={problemsByState}
            problemTransitions={problemTransitions}
            onSelectState={(name) => setSel({ state: name })}
            onSelectTransition={(id) =>
              setSel({ state: graph.transitions.find((t) => t.id === id)?.source, transitionId: id })
            }
          />
        </Col>
        <Col xs={24} xl={9}>
          {panel()}
        </Col>
      </Row>
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'lint',
            label: `Kiểm tra (${errors.length} lỗi)`,
            children: findings.length ? (
              <List
                size="small"
                data-testid="flow-lint"
                dataSource={findings}
                renderItem={(f) => (
                  <List.Item
                    data-testid="flow-finding"
                    style={{ cursor: 'pointer' }}
                    onClick={() => setSel(f.target)}
                  >
                    <Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'}>
                      {f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}
                    </Typography.Text>
                    <span style={{ flex: 1, marginLeft: 8 }}>{f.message}</span>
                  </List.Item>
                )}
              />
            ) : (
              <Alert type="success" showIcon message="Quy trình hợp lệ." data-testid="flow-lint" />
            ),
          },
          {
            key: 'paths',
            label: 'Mô phỏng các đường đi',
            children: (
              <SimulationPanel
                paths={paths}
                loops={loops}
                blocked={errors.length ? 'Sửa hết lỗi để xem các đường đi từ bắt đầu tới kết thúc.' : null}
              />
            ),
          },
          {
            key: 'usage',
            label: 'Đợt báo cáo dùng quy trình này',
            children: (
              <Table
                size="small"
                loading={rounds.isLoading}
                dataSource={usage}
                pagination={false}
                locale={{ emptyText: 'Chưa đợt báo cáo nào dùng quy trình này.' }}
                columns={[
                  { title: 'Đợt báo cáo', dataIndex: 'round' },
                  { title: 'Kỳ', dataIndex: 'period' },
                  { title: 'Loại đơn vị', dataIndex: 'kind' },
                ]}
              />
            ),
          },
          {
            key: 'json',
            label: 'JSON',
            children: (
              <pre style={{ maxHeight: 400, overflow: 'auto', fontSize: 12 }}>
                {JSON.stringify(def, null, 2)}
              </pre>
            ),
          },
        ]}
      />
      <Modal
        open={!!newState}
        title="Thêm trạng thái"
        okText="Thêm"
        cancelText="Huỷ"
        onCancel={() => setNewState(null)}
        onOk={() => {
          if (!newState) return;
          if (!apply(addState(graph, newState.name, newState.label))) {
            setSel({ state: newState.name });
            setNewState(null);
          }
        }}
      >
        <Form layout="vertical">
          <Form.Item label="Mã trạng thái (chữ không dấu, ví dụ reviewing)">
            <Input
              aria-label="Mã trạng thái"
              value={newState?.name}
              onChange={(e) => setNewState((s) => s && { ...s, name: e.target.value.trim() })}
            />
          </Form.Item>
          <Form.Item label="Nhãn hiển thị">
            <Input
              aria-label="Nhãn trạng thái mới"
              value={newState?.label}
              onChange={(e) => setNewState((s) => s && { ...s, label: e.target.value })}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
