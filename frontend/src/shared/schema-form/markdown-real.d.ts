/** The real markdown-to-jsx/react under another name (vite.config.ts), for markdown-on-demand.tsx. */
declare module 'markdown-to-jsx-real' {
  export { Markdown } from 'markdown-to-jsx/react';
}
