/** A synthetic template of N leaf fields shaped like the real ones: sections, integers, text, one table, computed %. */
export function generateBenchTemplate(fields: number, sectionsCount = 10) {
  const perSection = Math.max(1, Math.ceil(fields / sectionsCount));
  const properties: Record<string, unknown> = {};
  const data: Record<string, Record<string, unknown>> = {};
  let made = 0;
  for (let s = 0; s < sectionsCount && made < fields; s++) {
    const key = `S${s + 1}`;
    const props: Record<string, unknown> = {};
    const sectionData: Record<string, unknown> = {};
    for (let i = 0; i < perSection && made < fields; i++, made++) {
      const k = `f${i + 1}`;
      if (i % 10 === 9) {
        props[k] = { type: 'string', title: `Ghi chú ${s + 1}.${i + 1}`, maxLength: 2000 };
        sectionData[k] = '';
      } else if (i % 10 === 2 && i >= 2) {
        props[k] = {
          type: ['number', 'null'],
          title: `Tỷ lệ ${s + 1}.${i + 1} (%)`,
          'x-computed': `f${i} / f${i - 1} * 100`,
        };
      } else {
        props[k] = { type: 'integer', minimum: 0, title: `Chỉ tiêu ${s + 1}.${i + 1}` };
        sectionData[k] = (i + 1) * 10;
      }
    }
    properties[key] = { type: 'object', title: `Mục ${s + 1}. Nội dung báo cáo ${s + 1}`, properties: props };
    data[key] = sectionData;
  }
  return {
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: 'Biểu mẫu đo hiệu năng', properties },
    uiSchema: {},
    data,
  };
}
