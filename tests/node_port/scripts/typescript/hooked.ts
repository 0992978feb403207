// Required through a require hook that hands the file to metacall (typescript.test.js).
export function never_loaded(): number {
  return 1;
}
