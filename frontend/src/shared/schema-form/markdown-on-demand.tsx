/**
 * `markdown-to-jsx/react` as @rjsf/core imports it (vite.config.ts sends that name here): the parser (about
 * 30 kB compressed) is downloaded only by a form whose uiSchema turns Markdown on
 * (`ui:enableMarkdownInDescription` / `…InHelp`), never with every form. Until it arrives the text shows as written.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type { Markdown as RealMarkdown } from 'markdown-to-jsx/react';

const Real = lazy(() => import('markdown-to-jsx-real').then((m) => ({ default: m.Markdown })));

export function Markdown(props: ComponentProps<typeof RealMarkdown>) {
  return (
    <Suspense fallback={<>{props.children}</>}>
      <Real {...props} />
    </Suspense>
  );
}
