import { createContext, type ReactNode } from 'react';
import type { RJSFSchema } from '@rjsf/utils';
import type { FormStore } from './form-store';

export interface FormRuntime {
  store: FormStore;
  activeSections: string[];
  setActiveSections: (keys: string[]) => void;
  /** False during the first paint of a large form: later sections mount right after, in a transition. */
  mountAll: boolean;
  /** Extra content shown under a field: comments from the level above, previous round, sources. */
  renderExtras?: (pointer: string, schema: RJSFSchema) => ReactNode;
  /** Called when a field loses focus (validate on blur). */
  onFieldBlur?: (inputId: string) => void;
  /** How a computed or rolled-up field is obtained ("Tự tính: Số nữ / Tổng số × 100"), by its data pointer. */
  derivationHelp?: (pointer: string) => string | undefined;
}

// "/lop/3/tl" → "/lop/*/tl": the pointer of a field in every row, as the help lines are keyed.
export function rowPattern(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

export const FormRuntimeContext = createContext<FormRuntime | null>(null);
