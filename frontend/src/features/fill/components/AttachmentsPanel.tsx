import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import { AttachmentList } from './AttachmentList';
import { ALLOWED_EXTENSIONS, checkAttachment, quotaHint } from '../utils/attachment-rules';

/** Minh chứng: drag and drop with progress, type and size errors, the list of what is attached. */
export function AttachmentsPanel({ submissionId, editable }: { submissionId: string; editable: boolean }) {
  const qc = useQueryClient();
  // The server's limits (and what is used), so the hint and the pre-check state the real numbers.
  const quota = useQuery({ queryKey: qk.attachmentQuota(submissionId), queryFn: () => api.attachmentQuota(submissionId), enabled: editable });
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  return (
    <section aria-label="Tệp minh chứng" data-testid="attachments">
      {editable && (
        <Upload.Dragger
          multiple
          accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',')}
          fileList={uploads}
          onChange={({ fileList }) => setUploads(fileList.filter((f) => f.status !== 'done'))}
          beforeUpload={(file, batch) => {
            const earlier = [...uploads.filter((u) => u.status === 'uploading'), ...batch.slice(0, batch.indexOf(file))];
            const queued = { files: earlier.length, bytes: earlier.reduce((n, f) => n + (f.size ?? 0), 0) };
            const problem = checkAttachment(file, quota.data ?? null, queued);
            if (problem) {
              setProblems((p) => [...p, problem]);
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onProgress, onSuccess, onError }) => {
            setProblems([]);
            api
              .uploadAttachment(submissionId, file as File, (percent) => onProgress?.({ percent }))
              .then((res) => {
                onSuccess?.(res);
                void qc.invalidateQueries({ queryKey: qk.attachments(submissionId) });
                // Evidence is part of the content hash that events carry back.
                void qc.invalidateQueries({ queryKey: qk.submission(submissionId) });
              })
              .catch((err: unknown) => {
                const msg = errorMessage(err);
                setProblems((p) => [...p, `${(file as File).name}: ${msg}`]);
                onError?.(new Error(msg));
              });
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">Kéo thả tệp vào đây hoặc bấm để chọn tệp</p>
          <p className="ant-upload-hint" data-testid="attachment-limits">
            {quotaHint(quota.data ?? null)}
          </p>
        </Upload.Dragger>
      )}
      {problems.map((p, i) => (
        <Alert key={i} type="error" showIcon role="alert" title={p} style={{ marginTop: 8 }} closable onClose={() => setProblems((all) => all.filter((_, j) => j !== i))} />
      ))}
      <AttachmentList submissionId={submissionId} />
    </section>
  );
}
