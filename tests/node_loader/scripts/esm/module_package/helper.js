export function helper(text) {
  return `module package: ${text}`;
}
