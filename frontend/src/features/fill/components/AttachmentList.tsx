import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { apiDownload, errorMessage } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import { formatDateTime, formatFileSize } from '../../../shared/format/format';
import { QueryState } from '../../../shared/ui/QueryState';

/**
 * What is attached: each file downloads on click (with the session), its size and when it came. A plain list (antd's
 * List is deprecated, and it brings Pagination and its Select to the fill page's first load for a few lines).
 */
export function AttachmentList({ submissionId }: { submissionId: string }) {
  const q = useQuery({
    queryKey: qk.attachments(submissionId),
    queryFn: () => api.attachments(submissionId),
  });
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <>
      {downloadError && (
        <Alert type="error" showIcon role="alert" title={downloadError} style={{ marginTop: 8 }} />
      )}
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {() =>
          q.data?.length ? (
            <ul className="bdg-attachment-list" aria-label="Tệp đã đính kèm">
              {q.data.map((a) => (
                <li key={a.id}>
                  <Button
                    type="link"
                    icon={<PaperClipOutlined aria-hidden />}
                    onClick={() => {
                      setDownloadError(null);
                      apiDownload(api.attachmentUrl(a.id), a.fileName).catch((e: unknown) =>
                        setDownloadError(errorMessage(e)),
                      );
                    }}
                  >
                    {a.fileName}
                  </Button>
                  <span className="bdg-prev">
                    {formatFileSize(a.size)} · {formatDateTime(a.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="bdg-attachment-empty">Chưa có tệp minh chứng.</p>
          )
        }
      </QueryState>
    </>
  );
}
