import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { definitionToGraph } from '../utils/flow-graph';
import { TransitionForm } from './TransitionForm';

const graph = definitionToGraph({
  id: 'truong-pht',
  initial: 'soan_thao',
  states: {
    soan_thao: { meta: { label: 'Đang soạn thảo' }, on: { GUI_DUYET: { target: 'cho_pht', meta: { label: 'Gửi phó hiệu trưởng' } } } },
    cho_pht: { meta: { label: 'Chờ phó hiệu trưởng duyệt' }, on: { PHT_DUYET: { target: 'xong', meta: { label: 'Phó hiệu trưởng duyệt' } } } },
    xong: { type: 'final', meta: { label: 'Đã duyệt' } },
  },
});

describe('TransitionForm', () => {
  it('offers the flow’s events by their Vietnamese labels, matched without accents, and stores the code', () => {
    const onSave = vi.fn(() => null);
    render(
      <App>
        <TransitionForm graph={graph} source="cho_pht" readOnly={false} findings={[]} onSave={onSave} onCancel={() => {}} />
      </App>,
    );
    const form = screen.getByTestId('transition-form');
    fireEvent.change(within(form).getByLabelText('Sự kiện', { selector: 'input' }), { target: { value: 'pho hieu' } });
    const option = screen.getByTestId('event-option-PHT_DUYET');
    expect(option).toHaveTextContent('Phó hiệu trưởng duyệt PHT_DUYET');
    expect(screen.getByTestId('event-option-GUI_DUYET')).toHaveTextContent('Gửi phó hiệu trưởng');
    fireEvent.click(option);
    fireEvent.change(within(form).getByLabelText('Nhãn nút bấm'), { target: { value: 'Duyệt lần hai' } });
    fireEvent.click(within(form).getByTestId('save-transition'));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ source: 'cho_pht', event: 'PHT_DUYET', label: 'Duyệt lần hai' }));
  });
});
