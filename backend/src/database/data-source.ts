import type { DataSourceOptions } from 'typeorm';
import { Attachment } from '../attachments/attachment.entity.js';
import { AuditLog } from '../audit/audit-log.entity.js';
import { FlowVersionEntity } from '../flows/flow-version.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { OrgUnit } from '../org/org-unit.entity.js';
import { Round } from '../rounds/round.entity.js';
import { Submission } from '../submissions/submission.entity.js';
import { TransitionLog } from '../submissions/transition-log.entity.js';
import { TemplateVersionEntity } from '../templates/template-version.entity.js';
import { User } from '../users/user.entity.js';
import { InitialSchema1795000000000 } from './migrations/1795000000000-InitialSchema.js';
import { ReturnedData1795000000100 } from './migrations/1795000000100-ReturnedData.js';
import { JobsExports1795100000000 } from './migrations/1795100000000-JobsExports.js';
import { SignInHardening1796200000000 } from './migrations/1796200000000-SignInHardening.js';
import { CodeOwnership1796200000001 } from './migrations/1796200000001-CodeOwnership.js';
import { StateTagsAndRoles1796400000000 } from './migrations/1796400000000-StateTagsAndRoles.js';
import { TemplateSchemaAsAuthored1796500000000 } from './migrations/1796500000000-TemplateSchemaAsAuthored.js';
import { LetterheadsAndPades1796600000000 } from './migrations/1796600000000-LetterheadsAndPades.js';
import { ReportingRegimes1796900000000 } from './migrations/1796900000000-ReportingRegimes.js';
import { SearchIndexes1797000000000 } from './migrations/1797000000000-SearchIndexes.js';
import { ProgressTally1797100000000 } from './migrations/1797100000000-ProgressTally.js';
import { RoundOpeningStatus1797100000001 } from './migrations/1797100000001-RoundOpeningStatus.js';
import { TallyDeferredOnOpen1797100000002 } from './migrations/1797100000002-TallyDeferredOnOpen.js';
import { RawInputs1797200000000 } from './migrations/1797200000000-RawInputs.js';
import { PasswordReset1797200000001 } from './migrations/1797200000001-PasswordReset.js';
import { SubmissionSeen1797500000000 } from './migrations/1797500000000-SubmissionSeen.js';
import { UnitKinds1797500000001 } from './migrations/1797500000001-UnitKinds.js';
import { SignatureAppearance1797600000000 } from './migrations/1797600000000-SignatureAppearance.js';
import { RegimeRecipientsEscalation1797700000000 } from './migrations/1797700000000-RegimeRecipientsEscalation.js';
import { UnitKindLocalLabels1797820000000 } from './migrations/1797820000000-UnitKindLocalLabels.js';
import { LargeListIndexes1797860000000 } from './migrations/1797860000000-LargeListIndexes.js';
import { WorkListIndex1797860000001 } from './migrations/1797860000001-WorkListIndex.js';
import { SubmissionDataHash1797910000000 } from './migrations/1797910000000-SubmissionDataHash.js';
import { CompiledLz41797910000001 } from './migrations/1797910000001-CompiledLz4.js';
import { UsersListIndex1797920000000 } from './migrations/1797920000000-UsersListIndex.js';

export const entities = [
  OrgUnit,
  User,
  TemplateVersionEntity,
  FlowVersionEntity,
  Round,
  Submission,
  TransitionLog,
  Attachment,
  AuditLog,
  Notification,
];

export const migrations = [
  InitialSchema1795000000000,
  ReturnedData1795000000100,
  JobsExports1795100000000,
  SignInHardening1796200000000,
  CodeOwnership1796200000001,
  StateTagsAndRoles1796400000000,
  TemplateSchemaAsAuthored1796500000000,
  LetterheadsAndPades1796600000000,
  ReportingRegimes1796900000000,
  SearchIndexes1797000000000,
  ProgressTally1797100000000,
  RoundOpeningStatus1797100000001,
  TallyDeferredOnOpen1797100000002,
  RawInputs1797200000000,
  PasswordReset1797200000001,
  SubmissionSeen1797500000000,
  UnitKinds1797500000001,
  SignatureAppearance1797600000000,
  RegimeRecipientsEscalation1797700000000,
  UnitKindLocalLabels1797820000000,
  LargeListIndexes1797860000000,
  WorkListIndex1797860000001,
  SubmissionDataHash1797910000000,
  CompiledLz41797910000001,
  UsersListIndex1797920000000,
];

/** Migrations run at start; `synchronize` is never used. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: true,
    synchronize: false,
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 20), connectionTimeoutMillis: 5000 },
  };
}
