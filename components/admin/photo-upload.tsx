'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, useSyncExternalStore, type ChangeEvent } from 'react';

type Refusal = { name: string; reason: string };
type Progress = { total: number; done: number } | null;

const knownReasons = ['not_image', 'heic', 'too_large', 'empty', 'too_many_pixels', 'damaged', 'too_many_files', 'forbidden', 'unauthorized', 'invalid_transition', 'network'];

const noSubscription = () => () => {};

/** False on the server and until this page's script runs: the buttons wait for it (a file chosen before would be lost). */
function useIsHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** What an upload route (QC photos of an item, photos of a packed parcel) answered for one request, as a reason the screen can word. */
export async function sendPhotoForm(url: string, body: FormData): Promise<string | null> {
  try {
    const response = await fetch(url, { method: 'POST', body });
    if (response.ok) return null;
    const answer = (await response.json().catch(() => null)) as { error?: { code?: string; details?: { reason?: string } } } | null;
    const reason = response.status === 413 ? 'too_large' : (answer?.error?.details?.reason ?? answer?.error?.code ?? 'generic');
    return knownReasons.includes(reason) ? reason : 'generic';
  } catch {
    return 'network';
  }
}

/**
 * Photos from the phone's camera (one at a time, `capture`) or several from a folder at once. Each
 * file is checked here first (an image, not over the size limit) so a mistake is named at once, then
 * sent in its own request, one after another, with the count shown; the page then shows them.
 */
export function PhotoUpload({ url, maxBytes, maxFiles }: { url: string; maxBytes: number; maxFiles: number }) {
  const t = useTranslations('admin.qcPhotos');
  const router = useRouter();
  const [progress, setProgress] = useState<Progress>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [added, setAdded] = useState(0);
  const camera = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const isHydrated = useIsHydrated();

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    const refused: Refusal[] = [];
    const good: File[] = [];
    for (const file of files) {
      if (file.type && !file.type.startsWith('image/')) refused.push({ name: file.name, reason: 'not_image' });
      else if (file.size > maxBytes) refused.push({ name: file.name, reason: 'too_large' });
      else if (good.length >= maxFiles) refused.push({ name: file.name, reason: 'too_many_files' });
      else good.push(file);
    }
    setRefusals(refused);
    setAdded(0);
    let done = 0;
    setProgress({ total: good.length, done });
    for (const file of good) {
      const body = new FormData();
      body.append('photo', file);
      const reason = await sendPhotoForm(url, body);
      if (reason) refused.push({ name: file.name, reason });
      else done += 1;
      setProgress({ total: good.length, done });
      setRefusals([...refused]);
    }
    setProgress(null);
    setAdded(done);
    if (done > 0) router.refresh();
  }

  const isBusy = progress !== null || !isHydrated;
  return (
    <div className="qc-upload" data-testid="photo-upload" data-ready={isHydrated}>
      <div className="qc-upload-buttons">
        <button type="button" className="admin-button" disabled={isBusy} onClick={() => camera.current?.click()}>
          {t('takePhoto')}
        </button>
        <button type="button" className="admin-button admin-button-quiet" disabled={isBusy} onClick={() => folder.current?.click()}>
          {t('choosePhotos')}
        </button>
      </div>
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden onChange={upload} data-testid="photo-camera" aria-label={t('takePhoto')} />
      <input ref={folder} type="file" accept="image/*" multiple hidden onChange={upload} data-testid="photo-files" aria-label={t('choosePhotos')} />
      <p className="small muted">{t('limits', { megabytes: Math.floor(maxBytes / 1024 / 1024), count: maxFiles })}</p>
      <div aria-live="polite">
        {progress && (
          <p data-testid="upload-progress">
            <progress max={progress.total} value={progress.done} /> {t('uploading', { done: progress.done, total: progress.total })}
          </p>
        )}
        {!progress && added > 0 && (
          <p className="admin-ok" data-testid="upload-done">
            {t('added', { count: added })}
          </p>
        )}
        {refusals.length > 0 && (
          <ul className="admin-error" role="alert" data-testid="upload-errors">
            {refusals.map((r, index) => (
              <li key={`${r.name}-${index}`} data-reason={r.reason}>
                <bdi dir="auto">{r.name}</bdi>: {t(`refused.${r.reason as 'not_image'}`)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
