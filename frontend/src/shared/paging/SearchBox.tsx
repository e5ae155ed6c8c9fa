import { Input } from 'antd';

/** The search box of a paged list: the server searches without accents ("dai hung" finds "Đại Hưng"). */
export function SearchBox(props: { value: string; onChange: (v: string) => void; placeholder: string; testId?: string; width?: number }) {
  return (
    <Input.Search
      allowClear
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      data-testid={props.testId}
      style={{ maxWidth: props.width ?? 360, marginBottom: 12 }}
    />
  );
}
