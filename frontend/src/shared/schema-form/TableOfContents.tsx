import { Typography } from 'antd';
import type { Section } from './prepare-form';

/** Mục lục: jumps to a section and opens it. */
export function TableOfContents({ sections, onOpen }: { sections: Section[]; onOpen: (key: string) => void }) {
  if (sections.length === 0) return null;
  return (
    <nav aria-label="Mục lục biểu mẫu" className="bdg-toc">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Mục lục
      </Typography.Title>
      <ol>
        {sections.map((s) => (
          <li key={s.key}>
            <a
              href={`#section-${s.key}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen(s.key);
              }}
            >
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

