/**
 * The JSON the backend returns (docs/api-shapes.md): every shape is @bdg/api-types', the one
 * definition the backend's controllers also declare; re-exported here for the screens' imports.
 */
export type {
  AllowedEvent,
  Attachment,
  AttachmentQuota,
  ChildSubmission,
  CompilePreview,
  Coverage,
  FieldComment,
  HistoryEntry,
  JsonObject,
  LastSeen,
  LoginResponse,
  Page,
  PreviousRound,
  ProgressChild,
  ProgressCounts,
  ProgressNode,
  Round,
  RoundProgress,
  RuleFindingView,
  SaveDataResponse,
  Signature,
  SourceValue,
  Submission,
  SubmissionListItem,
  SubmissionSummary,
  Task,
  TemplateVersion,
  UnitKind,
  User,
  WorkItem,
  WorkList,
  WorkPage,
} from '@bdg/api-types';

export type Role = 'admin' | 'editor' | 'head' | 'reviewer';
