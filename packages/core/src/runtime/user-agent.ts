/** `@rollcall/x-client/1.2.3 node/20.19.0` (the runtime part is left off outside Node). */
export function userAgent(packageName: string, packageVersion: string): string {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
    ?.node;
  return node === undefined
    ? `${packageName}/${packageVersion}`
    : `${packageName}/${packageVersion} node/${node}`;
}
