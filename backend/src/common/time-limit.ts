/** `p`, or a rejection with `message` once `ms` have passed (the timer never outlives the promise). */
export function withTimeLimit<T>(p: Promise<T>, ms: number, message = 'timeout'): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
