import { Injectable } from '@nestjs/common';
import { getValidator, type JsonSchema, rollUpSchema, type TemplateValidator } from '@bdg/schemas';
import { collectsChildren, type FlowDefinition, readsChildren, upgradeFlow } from '@bdg/workflows';
import { FlowsService } from '../flows/flows.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import { ValidationPool } from '../validation/validation-pool.js';
import type { DraftChecked } from '../validation/worker/validate.task.js';
import type { BodyText } from '../validation/body-text.js';

export interface LoadedTemplate {
  id: string;
  code: string;
  version: number;
  title: string;
  schema: JsonSchema;
  document: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

/**
 * Published template and flow versions are immutable, so each process may keep them once loaded.
 * (Only immutable data is cached: any process can serve any request.)
 */
@Injectable()
export class DefinitionsService {
  private readonly flows = new Map<string, FlowDefinition>();
  private readonly templates = new Map<string, LoadedTemplate>();
  private readonly rollUpSchemas = new Map<string, JsonSchema>();

  constructor(
    private readonly flowRepo: FlowsService,
    private readonly templateRepo: TemplatesService,
    private readonly bodies: ValidationPool,
  ) {}

  async flow(flowVersionId: string): Promise<FlowDefinition> {
    let f = this.flows.get(flowVersionId);
    if (!f) {
      const row = await this.flowRepo.byId(flowVersionId);
      // Stored versions are immutable; older formats are read through the pure upgrade.
      f = upgradeFlow(row!.machine as unknown as FlowDefinition);
      this.flows.set(flowVersionId, f);
    }
    return f;
  }

  async template(templateVersionId: string): Promise<LoadedTemplate> {
    let t = this.templates.get(templateVersionId);
    if (!t) {
      const row = (await this.templateRepo.byId(templateVersionId))!;
      t = {
        id: row.id,
        code: row.code,
        version: row.version,
        title: row.title,
        schema: row.schema as JsonSchema,
        document: row.document,
        uiSchema: row.uiSchema,
      };
      this.templates.set(templateVersionId, t);
    }
    return t;
  }

  /** A compile submission (its flow rolls up children) holds rolled-up data, validated against the roll-up schema. */
  isCompileFlow(def: FlowDefinition): boolean {
    return collectsChildren(def);
  }

  /** Whether a flow's guards read the children's progress (childrenAccepted). */
  usesChildren(def: FlowDefinition): boolean {
    return readsChildren(def);
  }

  schemaFor(t: LoadedTemplate, compiled: boolean): JsonSchema {
    if (!compiled) return t.schema;
    let s = this.rollUpSchemas.get(t.id);
    if (!s) {
      s = rollUpSchema(t.schema);
      this.rollUpSchemas.set(t.id, s);
    }
    return s;
  }

  validator(t: LoadedTemplate, compiled: boolean): TemplateValidator {
    return getValidator(this.schemaFor(t, compiled), this.validatorKey(t, compiled));
  }

  /** A draft's data with computed fields, its errors and rule findings; a large body is checked in a worker thread. */
  checkDraft(t: LoadedTemplate, compiled: boolean, data: Record<string, unknown> | BodyText, pointers: string[]): Promise<DraftChecked> {
    return this.bodies.draft(this.validatorKey(t, compiled), this.schemaFor(t, compiled), data, pointers);
  }

  private validatorKey(t: LoadedTemplate, compiled: boolean): string {
    return compiled ? `${t.id}:rollup` : t.id;
  }
}
