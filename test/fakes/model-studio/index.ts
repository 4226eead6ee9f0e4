// One import for the fake Model Studio: `startFakeModelStudio()` and the names of the documented error shapes it
// can answer (`failNext(shape)`).
export { type FakeModelStudio, startFakeModelStudio } from './server.js';
export type { ShapeName } from './shapes.js';
