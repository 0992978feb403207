// Types of require('metacall') (index.js): MetaCall's node port's names and shapes.
declare module 'metacall' {
  export function metacall(name: string, ...args: any[]): any;
  export function metacallfms(name: string, json: string): any;
  export function metacall_await(name: string, ...args: any[]): Promise<any>;
  export function metacall_execution_path(tag: string, path: string): void;
  export function metacall_load_from_file(tag: string, paths: string | string[]): void;
  export function metacall_load_from_file_export(tag: string, paths: string | string[]): Record<string, any>;
  export function metacall_load_from_memory(tag: string, code: string): void;
  export function metacall_load_from_memory_export(tag: string, code: string): Record<string, any>;
  export function metacall_load_from_package(tag: string, name: string): void;
  export function metacall_load_from_package_export(tag: string, name: string): Record<string, any>;
  export function metacall_load_from_package_ex(tag: string, name: string, options: object): Record<string, any>;
  export function metacall_load_from_configuration(path: string): void;
  export function metacall_load_from_configuration_export(path: string): Record<string, any>;
  export function metacall_inspect(): Record<string, any[]>;
  export function metacall_handle(tag: string, name: string): any;
  export function metacall_logs(): void;
}
