/** @jsx h */
// A .tsx file whose default export renders with its own JSX factory.
declare global {
  namespace JSX {
    type Element = string;
    interface IntrinsicElements {
      [tag: string]: Record<string, string>;
    }
  }
}

function h(tag: string, props: Record<string, string> | null, ...children: string[]): string {
  const attributes = Object.entries(props ?? {}).map(([key, value]) => ` ${key}="${value}"`).join('');
  return `<${tag}${attributes}>${children.join('')}</${tag}>`;
}

export default function Greeting(name: string): string {
  return <p class="greeting">Hello, {name}</p>;
}
