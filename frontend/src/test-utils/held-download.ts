/**
 * A module whose download a test holds until it says so: give `factory` to vi.doMock (after vi.resetModules), see
 * what the page shows meanwhile, then `release()`. `started` says whether anything asked for the module yet.
 */
export function heldDownload() {
  const d = {
    started: false,
    release: () => {},
    held: Promise.resolve(),
    factory: async <T>(importOriginal: () => Promise<T>): Promise<T> => {
      d.started = true;
      await d.held;
      return importOriginal();
    },
  };
  d.held = new Promise<void>((r) => (d.release = r));
  return d;
}
