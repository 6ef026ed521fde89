/**
 * Reading a picked file in the pane (never uploaded). Falls back to FileReader where Blob.text /
 * arrayBuffer are missing (older embedded browsers of Office, and jsdom).
 */
function viaReader<T>(file: Blob, start: (r: FileReader) => void, take: (r: FileReader) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(take(r));
    r.onerror = () => reject(r.error ?? new Error('FileReader failed'));
    start(r);
  });
}

export function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return viaReader(file, (r) => r.readAsText(file, 'utf-8'), (r) => String(r.result ?? ''));
}

export async function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return viaReader(
    file,
    (r) => r.readAsArrayBuffer(file),
    (r) => new Uint8Array(r.result instanceof ArrayBuffer ? r.result : new ArrayBuffer(0)),
  );
}
