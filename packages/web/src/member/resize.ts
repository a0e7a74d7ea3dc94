// Photos are shrunk in the browser before upload: phone pictures are 3–12 MB, the server takes 5 MB at most, and a
// check-in photo needs no more than 1600 px on its longest side. Small pictures are sent as they are.
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.85;
const MAX_BYTES = 5 * 1024 * 1024;

async function decode(file: File): Promise<ImageBitmap> {
  // from-image: a portrait phone photo is stored sideways with an EXIF rotation; draw it upright.
  return createImageBitmap(file, { imageOrientation: 'from-image' });
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', JPEG_QUALITY);
  });
}

/** The file to upload: the original when it is small enough, else a JPEG at most MAX_SIDE px on its longest side. */
export async function resizePhoto(file: File): Promise<File> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await decode(file);
  } catch {
    // Not an image the browser can read: the server checks the content and names the problem.
    return file;
  }
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    if (longest <= MAX_SIDE && file.size <= MAX_BYTES) return file;
    const scale = Math.min(1, MAX_SIDE / longest);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return file;
    // JPEG has no transparency: a transparent PNG would turn black without a white ground.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await toJpeg(canvas);
    const base = file.name.replace(/\.[^.]*$/, '') || 'photo';
    return new File([blob], `${base}.jpg`, { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
