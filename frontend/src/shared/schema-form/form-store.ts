/**
 * The live form data outside React state: RJSF owns the inputs, the page reads the latest data from here
 * (autosave, computed fields) without re-rendering the whole form.
 */
type Data = Record<string, unknown>;

export class FormStore {
  private data: Data;
  private computedData: Data | undefined;
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  constructor(
    initial: Data,
    private readonly compute: (data: Data) => Data = (d) => d,
  ) {
    this.data = initial;
  }

  getData = (): Data => this.data;

  /** Increases on every change; lets callers tell whether data moved on while a save was in flight. */
  getRevision = (): number => this.revision;

  /** The data with computed fields filled in (computed lazily, once per change). */
  getComputed = (): Data => {
    if (!this.computedData) {
      try {
        this.computedData = this.compute(this.data);
      } catch {
        this.computedData = this.data;
      }
    }
    return this.computedData;
  };

  setData = (data: Data): void => {
    if (data === this.data) return;
    this.data = data;
    this.computedData = undefined;
    this.revision += 1;
    for (const l of this.listeners) l();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
