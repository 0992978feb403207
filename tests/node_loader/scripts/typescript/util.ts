// Imported by typed.ts: required through the same TypeScript hook.
export function shout(text: string): string {
  return `${text.toUpperCase()}!`;
}
