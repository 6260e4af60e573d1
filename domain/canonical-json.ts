/**
 * JSON with object keys sorted, so equal values give equal text whatever order their keys arrived in
 * (DynamoDB does not keep a map's key order, and clients serialize as they like).
 */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

export const structurallyEqual = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
