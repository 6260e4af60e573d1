/**
 * Prototype pollution, as seen from the thread that runs this module: the own keys of the built-in prototypes
 * when the module was loaded, and the marker properties a hostile body tries to plant on every object.
 */
export const POLLUTION_MARKERS = ['polluted', 'fuzzPolluted', 'isAdmin', 'roles'] as const;

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype } as const;
const prototypeShape = () => Object.fromEntries(Object.entries(PROTOTYPES).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(',')]));
const SHAPE_AT_LOAD = prototypeShape();
const COUNTS_AT_LOAD = Object.values(PROTOTYPES).map((proto) => Reflect.ownKeys(proto).length);

/**
 * A quick look, cheap enough for every request: the marker keys, and how many own keys each prototype has. It
 * misses a key added and another removed at once, which `pollution` (below) sees.
 */
export const quickPollution = (): string[] => {
  const counts = Object.values(PROTOTYPES).map((proto) => Reflect.ownKeys(proto).length);
  if (counts.every((count, index) => count === COUNTS_AT_LOAD[index]) && POLLUTION_MARKERS.every((marker) => ({} as Record<string, unknown>)[marker] === undefined)) return [];
  return pollution();
};

/** Signs that a prototype was polluted since this module was loaded; empty when there are none. */
export const pollution = (): string[] => {
  const found: string[] = [];
  for (const marker of POLLUTION_MARKERS) {
    const onObject = ({} as Record<string, unknown>)[marker];
    const onArray = ([] as unknown as Record<string, unknown>)[marker];
    if (onObject !== undefined || onArray !== undefined) found.push(`({}).${marker} is now ${String(onObject ?? onArray)}`);
  }
  const shape = prototypeShape();
  for (const name of Object.keys(PROTOTYPES)) if (shape[name] !== SHAPE_AT_LOAD[name]) found.push(`${name}.prototype changed: ${shape[name]}`);
  return found;
};
