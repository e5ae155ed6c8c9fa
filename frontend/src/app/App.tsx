import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { setUnauthorizedHandler, tokenStore } from '../shared/api/client';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import './app.css';

dayjs.locale('vi');

const theme = {
  token: {
    // Primary and text colours chosen for WCAG AA contrast on white.
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    // Danger buttons ("Trả lại") and error texts: antd's #ff4d4f is 3.9:1 on white; this is 5.9:1 (axe, issue 18).
    colorError: '#cf1322',
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
};

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => {
    const r = createAppRouter();
    // An expired session goes back to sign-in; the fill page keeps its unsaved input in sessionStorage.
    setUnauthorizedHandler(() => {
      tokenStore.clear();
      queryClient.removeQueries({ queryKey: ['me'] });
      const here = window.location.pathname + window.location.search;
      if (!window.location.pathname.startsWith('/login')) {
        void r.navigate(`/login?het-phien=1&next=${encodeURIComponent(here)}`, { replace: true });
      }
    });
    return r;
  });
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <ErrorBoundary>
            <RouterProvider router={router} />
          </ErrorBoundary>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
