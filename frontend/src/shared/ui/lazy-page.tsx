import { type ComponentType, lazy, Suspense } from 'react';
import { Spin } from 'antd';

/**
 * A route's page loaded on demand (its own chunk): the sign-in page and a school's fill page do not
 * download the builders, the dashboard's charts or the admin screens.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component props, as React.lazy itself allows
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType<any> {
  const Page = lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
  return function LazyPage(props: object) {
    return (
      <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
