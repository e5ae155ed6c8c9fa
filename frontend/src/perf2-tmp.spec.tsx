import { it } from 'vitest';
import { render } from '@testing-library/react';
import { StyleProvider } from '@ant-design/cssinjs';
import { Form, InputNumber, Input } from 'antd';
import RjsfCore from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { generateBenchTemplate } from './features/bench/utils/generate-schema';

const v = customizeValidator();
it('perf parts', () => {
  const w = render(<StyleProvider mock="server"><Form.Item label="x"><InputNumber /></Form.Item></StyleProvider>); w.unmount();
  let t = performance.now();
  let r = render(<StyleProvider mock="server">{Array.from({ length: 300 }, (_, i) => <Form.Item key={i} label={`Chỉ tiêu ${i}`} htmlFor={`a${i}`}><InputNumber id={`a${i}`} value={i} /></Form.Item>)}</StyleProvider>);
  console.log('300 FormItem+InputNumber', performance.now() - t); r.unmount();
  t = performance.now();
  r = render(<StyleProvider mock="server">{Array.from({ length: 300 }, (_, i) => <Input key={i} id={`a${i}`} value={String(i)} readOnly />)}</StyleProvider>);
  console.log('300 Input', performance.now() - t); r.unmount();
  t = performance.now();
  r = render(<div>{Array.from({ length: 300 }, (_, i) => <div key={i}><label htmlFor={`b${i}`}>x</label><input id={`b${i}`} defaultValue={i} /></div>)}</div>);
  console.log('300 plain', performance.now() - t); r.unmount();
  const tpl = generateBenchTemplate(300);
  const { $schema: _s, ...schema } = tpl.schema;
  t = performance.now();
  r = render(<RjsfCore schema={schema as never} formData={tpl.data} validator={v} noValidate />);
  console.log('rjsf core 300', performance.now() - t); r.unmount();
}, 60000);
