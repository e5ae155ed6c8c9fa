import type { TemplateVersion } from '../shared/api/types';

/** A published template version as the API returns it; each spec gives the form (schema, uiSchema) its case needs. */
export function sampleTemplateVersion(over: Partial<TemplateVersion> & Pick<TemplateVersion, 'schema'>): TemplateVersion {
  return {
    id: 't1',
    code: 'bdg-truong',
    version: 1,
    title: 'Báo cáo công tác bình đẳng giới',
    status: 'published',
    basedOn: null,
    periodKind: 'year',
    ownerUnitId: null,
    createdAt: '2025-01-01T00:00:00Z',
    publishedAt: '2025-01-01T00:00:00Z',
    document: null,
    uiSchema: {},
    ...over,
  };
}
