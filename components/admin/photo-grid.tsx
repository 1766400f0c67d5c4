import type { SignedPhoto } from '@/lib/warehouse/photos/queries/item-photo-state';

/** Staff's grid of private photos (an item's QC photos, a packed parcel's): thumbnails in their own proportions, each opening the large size. */
export function AdminPhotoGrid({ photos, altOf, testId, photoTestId }: { photos: readonly SignedPhoto[]; altOf: (number: number) => string; testId: string; photoTestId: string }) {
  return (
    <ul className="qc-photo-grid" data-testid={testId}>
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <a href={photo.largeUrl} target="_blank" rel="noopener">
            {/* eslint-disable-next-line @next/next/no-img-element -- signed, expiring private URLs: not for the image optimizer */}
            <img
              src={photo.thumbUrl}
              width={photo.width >= photo.height ? 160 : Math.round((160 * photo.width) / photo.height)}
              height={photo.width >= photo.height ? Math.round((160 * photo.height) / photo.width) : 160}
              alt={altOf(index + 1)}
              loading="lazy"
              decoding="async"
              data-testid={photoTestId}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
