import { readFile, stat } from 'node:fs/promises';
import { MAX_PHOTO_BYTES } from '@/lib/warehouse/photos/process-photo';
import { CliError, usage } from '../errors';

/** The bytes of `--file` for a photo command, or a usage error naming the command (missing, not a file, too large, unreadable). */
export async function readPhotoFile(command: string, file: unknown): Promise<Buffer> {
  const path = typeof file === 'string' ? file : '';
  if (!path) usage(`${command}: --file <image path> is required`);
  try {
    const info = await stat(path);
    if (!info.isFile()) usage(`${command}: ${path} is not a file`);
    if (info.size > MAX_PHOTO_BYTES) usage(`${command}: ${path} is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    usage(`${command}: cannot read ${path}`);
  }
}
