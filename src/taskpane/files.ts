/** Browser file helpers shared by the pane and the demo. */

/** A picked file's bytes through FileReader (Blob.arrayBuffer is missing in older Office webviews). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsArrayBuffer(file);
  });
}

/** Offers a Blob as a download (no network: an object URL of data already in memory). */
export function downloadBlob(blob: Blob, fileName: string): void {
  if (typeof URL === "undefined" || typeof URL.createObjectURL !== "function") throw new Error("URL.createObjectURL");
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
