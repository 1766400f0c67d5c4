import { expect, type Locator, type Page } from '@playwright/test';

/** The warehouse's QC photo screen for one item (/[locale]/admin/receiving/items/<id>). */
export class AdminItemPhotosPage {
  readonly item: Locator;
  readonly progress: Locator;
  readonly photos: Locator;
  readonly camera: Locator;
  readonly files: Locator;
  readonly uploadErrors: Locator;
  readonly uploadDone: Locator;
  readonly noteForm: Locator;

  constructor(readonly page: Page) {
    this.item = page.getByTestId('photo-item');
    this.progress = page.getByTestId('photo-progress');
    this.photos = page.getByTestId('qc-photo');
    this.camera = page.getByTestId('photo-camera');
    this.files = page.getByTestId('photo-files');
    this.uploadErrors = page.getByTestId('upload-errors');
    this.uploadDone = page.getByTestId('upload-done');
    this.noteForm = page.getByTestId('qc-note-form');
  }

  async open(locale: string, itemId: string | number) {
    const response = await this.page.goto(`/${locale}/admin/receiving/items/${itemId}`);
    expect(response?.status()).toBe(200);
    await expect(this.item).toBeVisible();
    return this;
  }

  /** Chooses files from a folder at once, as a phone's "choose photos" does. */
  async choose(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await expect(this.page.getByTestId('photo-upload')).toHaveAttribute('data-ready', 'true');
    await this.files.setInputFiles(files);
  }

  async saveNote(note: string) {
    await this.noteForm.locator('textarea[name="note"]').fill(note);
    const saved = this.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/photos'));
    await this.noteForm.getByRole('button').click();
    expect((await saved).status()).toBe(200);
  }
}
