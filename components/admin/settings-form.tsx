'use client';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState } from 'react';
import { saveSettingsAction } from '@/app/[locale]/admin/settings/actions';
import { settingGroups, type SettingKey, type Settings } from '@/lib/settings/definitions';
import type { settingFields } from '@/lib/settings/settings-form';
import { ActionError } from './action-error';

type Props = { locale: string; fields: ReturnType<typeof settingFields>; values: Settings };

/** Message keys cannot contain dots (next-intl nests on them): `cod.confirmationHours` → `cod_confirmationHours`. */
const messageKey = (key: SettingKey) => key.replace('.', '_');

/**
 * One field per setting (a number, or a line of text for the label's sender), grouped, with its unit,
 * bounds and default. A refused save marks
 * each field out of bounds with its own message and keeps what was typed (the form is not reset).
 */
export function SettingsForm({ locale, fields, values }: Props) {
  const t = useTranslations('admin.settings');
  const [result, action, isPending] = useActionState(saveSettingsAction, null);
  const invalid = new Set(result?.ok === false ? Object.keys(result.error.fields ?? {}) : []);
  const saved = result?.ok ? result.data.changed : null;

  return (
    <form
      action={action}
      className="admin-settings"
      data-testid="settings-form"
      // The bounds are checked by the action and shown in the page's language beside each field,
      // not by the browser's own bubbles (in the browser's language).
      noValidate
      onSubmit={(event) => {
        // Submitted here rather than by React's form action, which resets the form afterwards: a
        // refused value stays in its field to be corrected. Without JavaScript `action` posts.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      {settingGroups.map((group) => (
        <fieldset key={group}>
          <legend>{t(`groups.${group}`)}</legend>
          {fields
            .filter((field) => field.group === group)
            .map((field) => {
              const id = `setting-${messageKey(field.key)}`;
              const isInvalid = invalid.has(field.key);
              const describedBy = `${id}-hint${isInvalid ? ` ${id}-error` : ''}`;
              return (
                <div key={field.key} className="admin-setting" data-setting={field.key}>
                  <label htmlFor={id}>{t(`fields.${messageKey(field.key)}`)}</label>
                  {field.kind === 'text' ? (
                    <input
                      id={id}
                      type="text"
                      name={field.key}
                      required={field.isRequired}
                      maxLength={field.maxLength}
                      defaultValue={values[field.key]}
                      aria-invalid={isInvalid ? true : undefined}
                      aria-describedby={describedBy}
                    />
                  ) : (
                    <input
                      id={id}
                      type="number"
                      name={field.key}
                      required
                      min={field.min}
                      max={field.max}
                      step={1}
                      inputMode="numeric"
                      defaultValue={values[field.key]}
                      aria-invalid={isInvalid ? true : undefined}
                      aria-describedby={describedBy}
                    />
                  )}
                  <p id={`${id}-hint`} className="admin-hint">
                    {t(`hints.${messageKey(field.key)}`)}{' '}
                    {field.kind === 'text'
                      ? t('textBounds', { max: field.maxLength, default: field.default || '—' })
                      : t('bounds', { unit: t(`units.${field.unit}`), min: field.min, max: field.max, default: field.default })}
                  </p>
                  {isInvalid && (
                    <p id={`${id}-error`} className="admin-error-text" role="alert" data-testid="setting-error">
                      {field.kind === 'text' ? t('textInvalid', { max: field.maxLength }) : t('outOfBounds', { min: field.min, max: field.max })}
                    </p>
                  )}
                </div>
              );
            })}
        </fieldset>
      ))}
      <div className="admin-filter-buttons">
        <button type="submit" className="admin-button" disabled={isPending}>
          {t('save')}
        </button>
        <span className="small" role="status" data-testid="settings-status">
          {isPending ? t('saving') : saved ? (saved.length > 0 ? t('saved', { count: saved.length }) : t('unchanged')) : ''}
        </span>
      </div>
      {result?.ok === false && result.error.fields === undefined && <ActionError result={result} />}
      {invalid.size > 0 && (
        <p className="admin-error" role="alert">
          {t('fixFields', { count: invalid.size })}
        </p>
      )}
    </form>
  );
}
