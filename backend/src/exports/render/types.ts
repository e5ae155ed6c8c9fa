import type { Coverage, TemplateDocumentLayout } from '@bdg/schemas';

/**
 * Types of the pure document renderers (DOCX, PDF, XLSX). No NestJS, no database: the exports
 * module and the pg-boss job call these with a template version, the form data and the unit.
 */

/**
 * The template's `document` section: the official document's layout (Nghị định 30/2020/NĐ-CP),
 * defined once in @bdg/schemas. Strings may hold {unitName}, {parentUnitName}, {year}, {period}, {placeName}.
 */
export type DocumentLayout = TemplateDocumentLayout;

export interface DocumentInput {
  template: {
    code: string;
    version: number;
    title: string;
    schema: object;
    uiSchema?: object;
    document?: Partial<DocumentLayout>;
  };
  /** The form data (signed content or current draft). */
  data: unknown;
  unit: {
    name: string;
    parentName?: string | null;
    code: string;
    /**
     * Tên cơ quan chủ quản from the unit's data. When the key is present (even null) it decides the
     * letterhead's top line; the tree parent is never used for it.
     */
    governingBody?: string | null;
    /** Short name for the số ký hiệu ("SGDĐT"). */
    shortName?: string | null;
    /** The head's title ("TRƯỞNG PHÒNG"); else the template's signerTitle. */
    headTitle?: string | null;
    /** "TM. …" / "TL. …" line of the unit, or null. */
    signAuthority?: string | null;
  };
  /** Nơi nhận from the round: the receiving unit(s) of this level, e.g. "Sở GD&ĐT Hưng Yên (để tổng hợp)". */
  receivers?: string[];
  /** Địa danh, e.g. "Khoái Châu". */
  place?: string | null;
  /** Ngày ký, or today for a draft. */
  date: Date;
  /** Số văn bản, e.g. "12". */
  number?: string | null;
  /** Họ tên; `position` when a deputy signs ("Phó Trưởng phòng"); `title` overrides the whole title. */
  signer?: { fullName: string; title: string; position?: string | null } | null;
  /**
   * The visible appearance of a PAdES signature (Phụ lục I): who, when (ISO 8601, +07:00), test or not;
   * the signer's signature image (PNG, base64) when uploaded, else a generated appearance; the agency's
   * seal image when the seal follows in the same transition (it overlaps the signature on the left).
   */
  digitalSignature?: {
    signerName: string;
    signedAt: string;
    testOnly: boolean;
    position?: string | null;
    unitName?: string | null;
    imagePng?: string | null;
    seal?: { agencyName: string; imagePng: string | null } | null;
  } | null;
  /** Stamp "DỰ THẢO". */
  draft: boolean;
  signatureHash?: string | null;
  /** Kỳ báo cáo for the {period} placeholder, e.g. "6 tháng đầu năm 2024" (optional). */
  period?: string | null;
  /** A compiled report: which children it includes (a line under the title, the missing ones in an appendix). */
  coverage?: Coverage | null;
}

/** Text with its emphasis; the renderers map it onto their own run types. */
export interface DocRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type DocBlock =
  /** Numbered heading of the outline: "I." level 1, "1." level 2, "a)" level 3, "-" deeper. */
  | { kind: 'heading'; level: number; number: string; text: string; path: string }
  /** A scalar field: "Title: value unit". `missing` when the data has no value (value is "…"). */
  | { kind: 'field'; label: string; value: string; path: string; missing: boolean }
  /** A paragraph of narrative text (one per line of the answer). */
  | { kind: 'paragraph'; text: string; path: string; missing: boolean }
  /** A bullet list (array of scalars). */
  | { kind: 'list'; items: string[]; path: string }
  /** A table (array of objects). Row cells are formatted text; `numeric` columns align right. */
  | {
      kind: 'table';
      path: string;
      /** `weight`: relative width (free text 3, numbers, dates, yes/no and choices 1). */
      columns: { key: string; title: string; numeric: boolean; weight: number }[];
      rows: string[][];
    };

export interface DocModel {
  page: {
    size: 'A4';
    widthMm: number;
    heightMm: number;
    marginsMm: { top: number; bottom: number; left: number; right: number };
  };
  font: {
    family: string;
    /** Body, trích yếu, signer: 13–14 pt. */
    bodyPt: number;
    /** Quốc hiệu and the issuing bodies: 12–13 pt. */
    headerPt: number;
    /** Tiêu ngữ, số ký hiệu: 13–14 pt. */
    mottoPt: number;
    /** "Nơi nhận:" 12 pt. */
    recipientsHeadingPt: number;
    /** The nơi nhận list: 11 pt. */
    recipientsPt: number;
    /** Table cells. */
    tablePt: number;
  };
  header: {
    /** Cơ quan chủ quản, uppercase, or null. */
    parentBody: string | null;
    /** Cơ quan ban hành, uppercase. */
    issuingBody: string;
    /** "Số: 12/BC-PGDĐT" */
    numberLine: string;
    /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
    nationalTitle: string;
    /** "Độc lập - Tự do - Hạnh phúc" */
    motto: string;
    /** "Khoái Châu, ngày 12 tháng 5 năm 2020" */
    placeDate: string;
  };
  /** "BÁO CÁO" */
  documentType: string;
  /** Trích yếu. */
  subject: string;
  body: DocBlock[];
  recipients: { heading: string; items: string[] };
  signature: {
    /** "KT. TRƯỞNG PHÒNG" or null (lines joined by "\n"). */
    authority: string | null;
    /** The digital signature's visible appearance (lines, signature image, seal image), or null. */
    digital: {
      lines: string[];
      testOnly: boolean;
      /** data:image/png;base64,… of the signer's signature (blue), or null for the generated appearance. */
      image: string | null;
      /** The agency's seal (red, actual size), drawn over the signature's left third; image null → a red frame with its name. */
      seal: { image: string | null; agencyName: string } | null;
    } | null;
    /** Chức danh, uppercase. */
    title: string;
    /** "(Đã ký)" once signed, null otherwise. */
    note: string | null;
    /** Họ tên, or "" when unknown (space left for a handwritten signature). */
    fullName: string;
  };
  draft: boolean;
  /** "DỰ THẢO" when draft. */
  stamp: string | null;
  /** Footer line with the integrity code (mã kiểm tra toàn vẹn, SHA-256), or null. */
  footer: string | null;
  meta: { templateCode: string; templateVersion: number; title: string; unitCode: string };
  /** What the renderer had to make up (Vietnamese, for the admin who owns the template). */
  warnings: string[];
}

export interface XlsxInput {
  title: string;
  schema: object;
  /** Optional: property order (ui:order) and titles (ui:title) as in the form. */
  uiSchema?: object;
  data: unknown;
  /** JSON Pointer of a field → the units whose values made it. */
  provenance?: Record<string, { unitId: string; unitName?: string; unitCode?: string; value: unknown }[]>;
  /** A compiled report's coverage: a sheet with the missing units. */
  coverage?: Coverage | null;
}
