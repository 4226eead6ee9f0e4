// A clock tests move by hand, for the limiter, the answer store and the seen-keys guard.
export function manualClock(start = 0) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}
